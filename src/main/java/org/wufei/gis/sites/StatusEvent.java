package org.wufei.gis.sites;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.hibernate.annotations.Immutable;
import org.wufei.gis.common.Actor;

/** One line of a site's append-only history: who changed what, when, why, citing which evidence. */
@Entity
@Immutable
@Table(name = "status_event")
public class StatusEvent {
    /** What kind of change an event records. */
    public enum Type { CREATED, TRANSITION, ATTRIBUTE, DELETED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "site_id", nullable = false)
    private Long siteId;

    @Column(name = "event_type", nullable = false, length = 16)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Type type;

    @Column(name = "from_status", length = 32)
    private String fromStatus;

    @Column(name = "to_status", length = 32)
    private String toStatus;

    @Column(length = 64)
    private String field;

    @Column(name = "old_value", length = 500)
    private String oldValue;

    @Column(name = "new_value", length = 500)
    private String newValue;

    @Column(nullable = false, length = 64)
    private String actor;

    @Column(nullable = false)
    private Instant at;

    @Column(length = 4000)
    private String note;

    @Column(length = 8000)
    private String evidence;

    @Column(name = "rectification_mode", length = 32)
    private String rectificationMode;

    private LocalDate deadline;

    @Column(name = "client_ip", length = 64)
    private String clientIp;

    @Column(name = "public_note", length = 1000)
    private String publicNote;

    protected StatusEvent() {
    }

    private StatusEvent(Site site, Type type, Actor actor, Instant at, String note) {
        this.siteId = site.getId();
        this.type = type;
        this.actor = actor.username();
        this.clientIp = actor.clientIp();
        this.at = at;
        this.note = note;
    }

    static StatusEvent created(Site site, Actor actor, Instant at, String note) {
        StatusEvent e = new StatusEvent(site, Type.CREATED, actor, at, note);
        e.toStatus = site.getStatus();
        return e;
    }

    static StatusEvent transition(Site site, String from, String to, Actor actor, Instant at, TransitionRequest r) {
        StatusEvent e = new StatusEvent(site, Type.TRANSITION, actor, at, r.note());
        e.fromStatus = from;
        e.toStatus = to;
        e.evidence = r.evidence().isEmpty() ? null : EvidenceJson.write(r.evidence());
        e.rectificationMode = site.getRectificationMode();
        e.deadline = site.getDeadline();
        e.publicNote = r.publicNote();
        return e;
    }

    static StatusEvent change(Site site, String field, String oldValue, String newValue, Actor actor, Instant at,
            String note) {
        StatusEvent e = new StatusEvent(site, Type.ATTRIBUTE, actor, at, note);
        e.field = field;
        e.oldValue = clip(oldValue);
        e.newValue = clip(newValue);
        e.fromStatus = site.getStatus();
        e.toStatus = site.getStatus();
        return e;
    }

    static StatusEvent deleted(Site site, Actor actor, Instant at, String note) {
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
