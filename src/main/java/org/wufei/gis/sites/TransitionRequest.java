package org.wufei.gis.sites;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.wufei.gis.common.DomainException;

/**
 * A request to move a site to another status, with the note, evidence and rectification terms it cites, and
 * optionally a note for the public (信息公开), the only one anonymous readers see.
 */
public record TransitionRequest(String to, String note, List<Evidence> evidence, String mode, LocalDate deadline,
        String publicNote) {
    public static final int PUBLIC_NOTE_MAX = 1000;
    public static final Set<String> MODES = Set.of("immediate", "deadline", "supervised");
    static final int MAX_EVIDENCE = 10;

    public TransitionRequest {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        note = note == null || note.isBlank() ? null : note.strip();
        publicNote = publicNote == null || publicNote.isBlank() ? null : publicNote.strip();
    }

    public TransitionRequest(String to, String note, List<Evidence> evidence, String mode, LocalDate deadline) {
        this(to, note, evidence, mode, deadline, null);
    }

    /** Checks the request against what the edge needs; the first gap found is the 422 answered. */
    void check(Transition edge, LocalDate today) {
        if (note != null && note.length() > Site.NOTE_MAX) {
            throw DomainException.invalid("note_too_long", "note", Site.NOTE_MAX);
        }
        if (publicNote != null && publicNote.length() > PUBLIC_NOTE_MAX) {
            throw DomainException.invalid("public_note_too_long", "publicNote", PUBLIC_NOTE_MAX);
        }
        if (edge.noteRequired() && note == null) {
            throw DomainException.invalid("note_required", "note", edge.from(), edge.to());
        }
        if (evidence.size() > MAX_EVIDENCE) {
            throw DomainException.invalid("evidence_too_many", "evidence", MAX_EVIDENCE);
        }
        for (int i = 0; i < evidence.size(); i++) {
            Evidence e = evidence.get(i);
            if (e == null || e.type() == null || e.type().isBlank() || (!e.hasRef() && !e.isWaiver())
                    || tooLong(e.type(), 32) || tooLong(e.ref(), 500) || tooLong(e.description(), 500)
                    || tooLong(e.notApplicableReason(), 500)) {
                throw DomainException.invalid("evidence_malformed", "evidence[" + i + "]", i);
            }
            if (e.isWaiver() && !edge.waivable().contains(e.type())) {
                throw DomainException.invalid("evidence_not_waivable", "evidence[" + i + "]", e.type());
            }
        }
        for (String type : edge.evidence()) {
            boolean met = Transition.ANY_EVIDENCE.equals(type)
                    ? evidence.stream().anyMatch(Evidence::hasRef)
                    : evidence.stream().anyMatch(e -> type.equals(e.type()));
            if (!met) {
                throw DomainException.invalid("evidence_required", "evidence", type);
            }
        }
        if (mode != null && !MODES.contains(mode)) {
            throw DomainException.invalid("mode_unknown", "mode", mode, String.join(", ", MODES));
        }
        if (edge.modeRequired() && mode == null) {
            throw DomainException.invalid("mode_required", "mode");
        }
        if (edge.deadline() != null && edge.deadline().required() && deadline == null) {
            throw DomainException.invalid("deadline_required", "deadline");
        }
        if (deadline != null && deadline.isBefore(today)) {
            throw DomainException.invalid("deadline_in_past", "deadline", deadline);
        }
    }

    private static boolean tooLong(String s, int max) {
        return s != null && s.length() > max;
    }
}
