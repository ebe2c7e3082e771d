package org.wufei.gis.sites.history;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.wufei.gis.common.Actor;
import org.wufei.gis.sites.Evidence;
import org.wufei.gis.sites.Site;
import org.wufei.gis.sites.TransitionRequest;

/** One line of a site's append-only history: who changed what, when, why, citing which evidence. */
public class StatusEvent {
    /** What kind of change an event records. */
    public enum Type { CREATED, TRANSITION, ATTRIBUTE, DELETED }

    private Long id;
    private Long siteId;
    private Type type;
    private String fromStatus;
    private String toStatus;
    private String field;
    private String oldValue;
    private String newValue;
    private String actor;
    private Instant at;
    private String note;
    private String evidence;
    private String rectificationMode;
    private LocalDate deadline;
    private String clientIp;
    private String publicNote;

    private StatusEvent() {
    }

    /** An event as stored, read by {@link StatusEvents}. */
    public static StatusEvent stored(long id, long siteId, Type type, String fromStatus, String toStatus,
            String field, String oldValue, String newValue, String actor, Instant at, String note, String evidence,
            String rectificationMode, LocalDate deadline, String clientIp, String publicNote) {
        StatusEvent e = new StatusEvent();
        e.id = id;
        e.siteId = siteId;
        e.type = type;
        e.fromStatus = fromStatus;
        e.toStatus = toStatus;
        e.field = field;
        e.oldValue = oldValue;
        e.newValue = newValue;
        e.actor = actor;
        e.at = at;
        e.note = note;
        e.evidence = evidence;
        e.rectificationMode = rectificationMode;
        e.deadline = deadline;
        e.clientIp = clientIp;
        e.publicNote = publicNote;
        return e;
    }

    /** The evidence as stored (JSON text), or null. */
    public String evidenceJson() {
        return evidence;
    }

    public void stored(long id) {
        this.id = id;
    }

    private StatusEvent(Site site, Type type, Actor actor, Instant at, String note) {
        this.siteId = site.getId();
        this.type = type;
        this.actor = actor.username();
        this.clientIp = actor.clientIp();
        this.at = at;
        this.note = note;
    }

    public static StatusEvent created(Site site, Actor actor, Instant at, String note) {
        StatusEvent e = new StatusEvent(site, Type.CREATED, actor, at, note);
        e.toStatus = site.getStatus();
        return e;
    }

    public static StatusEvent transition(Site site, String from, String to, Actor actor, Instant at,
            TransitionRequest r) {
        StatusEvent e = new StatusEvent(site, Type.TRANSITION, actor, at, r.note());
        e.fromStatus = from;
        e.toStatus = to;
        e.evidence = r.evidence().isEmpty() ? null : EvidenceJson.write(r.evidence());
        e.rectificationMode = site.getRectificationMode();
        e.deadline = site.getDeadline();
        e.publicNote = r.publicNote();
        return e;
    }

    public static StatusEvent change(Site site, String field, String oldValue, String newValue, Actor actor, Instant at,
            String note) {
        StatusEvent e = new StatusEvent(site, Type.ATTRIBUTE, actor, at, note);
        e.field = field;
        e.oldValue = clip(oldValue);
        e.newValue = clip(newValue);
        e.fromStatus = site.getStatus();
        e.toStatus = site.getStatus();
        return e;
    }

    public static StatusEvent deleted(Site site, Actor actor, Instant at, String note) {
        StatusEvent e = new StatusEvent(site, Type.DELETED, actor, at, note);
        e.fromStatus = site.getStatus();
        return e;
    }

    private static String clip(String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 499) + "…";
    }

    public Long getId() {
        return id;
    }

    public Long getSiteId() {
        return siteId;
    }

    public Type getType() {
        return type;
    }

    public String getFromStatus() {
        return fromStatus;
    }

    public String getToStatus() {
        return toStatus;
    }

    public String getField() {
        return field;
    }

    public String getOldValue() {
        return oldValue;
    }

    public String getNewValue() {
        return newValue;
    }

    public String getActor() {
        return actor;
    }

    public Instant getAt() {
        return at;
    }

    public String getNote() {
        return note;
    }

    public List<Evidence> getEvidence() {
        return evidence == null ? List.of() : EvidenceJson.read(evidence);
    }

    public String getRectificationMode() {
        return rectificationMode;
    }

    public LocalDate getDeadline() {
        return deadline;
    }

    public String getClientIp() {
        return clientIp;
    }

    /** The note written for the public, or null: the only note anonymous readers see. */
    public String getPublicNote() {
        return publicNote;
    }
}
