package org.wufei.gis.sites;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.wufei.gis.common.Actor;
import org.wufei.gis.common.DomainException;
import org.wufei.gis.sites.history.StatusEvent;

/**
 * A managed site of any kind: the common columns plus the kind's attributes as one JSON object, checked against
 * the kind's definition ({@link AttributeValues}) before they get here. The only place its status changes:
 * {@link #transitionTo} checks the kind's lifecycle table and publishes {@link SiteStatusChanged} when saved.
 * Stored by {@link Sites} (plain JDBC; the events registered here are published when it saves the site).
 */
public class Site {
    public static final int NOTE_MAX = 4000;

    private Long id;
    private String code;
    private String name;
    private String kind;
    private String status;

    /** Attribute values by name; lists are stored as codes joined by commas, absent values are left out. */
    private Map<String, Object> attributes = new LinkedHashMap<>();
    private String township;
    private Geometry geom;
    private Double areaM2;
    private String rectificationMode;
    private LocalDate deadline;
    private Instant deletedAt;
    private long version;
    private Instant createdAt;
    private Instant updatedAt;

    private final List<Object> pendingEvents = new ArrayList<>();

    Site() {
    }

    /** A site as stored: every column, read by {@link Sites}. */
    static Site stored(Row row) {
        Site s = new Site();
        s.id = row.id();
        s.code = row.code();
        s.name = row.name();
        s.kind = row.kind();
        s.status = row.status();
        s.attributes = new LinkedHashMap<>(row.attributes());
        s.township = row.township();
        s.geom = row.geom();
        s.areaM2 = row.areaM2();
        s.rectificationMode = row.rectificationMode();
        s.deadline = row.deadline();
        s.deletedAt = row.deletedAt();
        s.version = row.version();
        s.createdAt = row.createdAt();
        s.updatedAt = row.updatedAt();
        s.saved = row;
        return s;
    }

    /** The columns of the site table, as {@link Sites} reads and writes them. */
    record Row(Long id, String code, String name, String kind, String status, Map<String, Object> attributes,
            String township, Geometry geom, Double areaM2, String rectificationMode, LocalDate deadline,
            Instant deletedAt, long version, Instant createdAt, Instant updatedAt) {
    }

    Row row() {
        return new Row(id, code, name, kind, status, attributes, township, geom, areaM2, rectificationMode,
                deadline, deletedAt, version, createdAt, updatedAt);
    }

    /** The row as last read or written, to tell whether a save has anything to write. */
    private Row saved;

    void stored(long id, long version) {
        this.id = id;
        this.version = version;
        this.saved = row();
    }

    /** True when a stored site has no change to write. */
    boolean unchanged() {
        return saved != null && saved.equals(row());
    }

    private void registerEvent(Object event) {
        pendingEvents.add(event);
    }

    /** The events of the changes since the last save, once: {@link Sites} publishes them when it saves. */
    List<Object> takeEvents() {
        List<Object> out = List.copyOf(pendingEvents);
        pendingEvents.clear();
        return out;
    }

    /** Sets the kind attributes that were given (all of them on create). */
    void assign(AttributeValues values) {
        attributes = values.mergedInto(attributes);
    }

    /**
     * The kind attributes in definition order, for the API and the history: every attribute of the definition,
     * null when not set (false for a boolean), lists as lists.
     */
    public Map<String, Object> attributes(SiteKind definition) {
        return AttributeValues.present(definition, attributes);
    }

    void initialise(SiteKind kind, String code, String name, String status, String township, Geometry geom,
            double areaM2, Instant now) {
        this.kind = kind.id();
        this.code = code;
        this.name = name;
        this.status = status;
        this.township = township;
        this.geom = geom;
        this.areaM2 = areaM2;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /**
     * Moves the site along its lifecycle, or refuses: 422 for an edge not in the table or a missing
     * note/evidence/mode/deadline, 403 for a role the edge does not allow, 410 for a deleted site.
     */
    public StatusEvent transitionTo(TransitionRequest request, Actor actor, Lifecycle lifecycle, Instant now) {
        ensureNotDeleted();
        if (!lifecycle.hasState(request.to())) {
            throw DomainException.invalid("status_unknown", "to", request.to(), kind);
        }
        Transition edge = lifecycle.find(status, request.to()).orElseThrow(() -> DomainException.invalid(
                "transition_illegal", "to", status, request.to()));
        if (!actor.hasAnyRole(edge.roles())) {
            throw DomainException.forbidden("role_forbidden_transition", "to", status, request.to());
        }
        request.check(edge, LocalDate.ofInstant(now, ZoneOffset.UTC));
        String from = status;
        status = request.to();
        applyRectification(edge, request, now);
        updatedAt = now;
        registerEvent(new SiteStatusChanged(id, code, lifecycle.kind(), from, status, geom.getEnvelopeInternal()));
        return StatusEvent.transition(this, from, status, actor, now, request);
    }

    private void applyRectification(Transition edge, TransitionRequest request, Instant now) {
        if (edge.deadline() == null) {
            rectificationMode = null;
            deadline = null;
            return;
        }
        if (request.mode() != null) {
            rectificationMode = request.mode();
        }
        if (request.deadline() != null) {
            deadline = request.deadline();
        } else if (edge.deadline().defaultPeriod() != null) {
            deadline = LocalDate.ofInstant(now, ZoneOffset.UTC).plus(edge.deadline().defaultPeriod());
        }
    }

    /** Edits name, township, geometry or attributes; each changed field becomes a history event. */
    List<StatusEvent> edit(SiteKind definition, SiteEdit edit, Actor actor, Instant now) {
        ensureNotDeleted();
        var events = new ArrayList<StatusEvent>();
        Envelope before = geom.getEnvelopeInternal();
        if (edit.name() != null && !edit.name().equals(name)) {
            events.add(StatusEvent.change(this, "name", name, edit.name(), actor, now, edit.note()));
            name = edit.name();
        }
        if (edit.township() != null && !edit.township().equals(township)) {
            events.add(StatusEvent.change(this, "township", township, edit.township(), actor, now, edit.note()));
            township = edit.township();
        }
        if (edit.geometry() != null && !edit.geometry().equalsExact(geom)) {
            events.add(StatusEvent.change(this, "geometry", null, null, actor, now, edit.note()));
            geom = edit.geometry();
            areaM2 = edit.areaM2();
        }
        if (edit.attributes() != null) {
            Map<String, Object> old = attributes(definition);
            assign(edit.attributes());
            Map<String, Object> updated = attributes(definition);
            for (String key : edit.attributes().asMap().keySet()) {
                if (!Objects.equals(old.get(key), updated.get(key))) {
                    events.add(StatusEvent.change(this, key, text(old.get(key)), text(updated.get(key)), actor, now,
                            edit.note()));
                }
            }
        }
        if (!events.isEmpty()) {
            updatedAt = now;
            registerEvent(new SiteChanged(id, definition, before, geom.getEnvelopeInternal()));
        }
        return events;
    }

    StatusEvent delete(SiteKind definition, Actor actor, Instant now, String note) {
        ensureNotDeleted();
        deletedAt = now;
        updatedAt = now;
        registerEvent(new SiteChanged(id, definition, geom.getEnvelopeInternal(), null));
        return StatusEvent.deleted(this, actor, now, note);
    }

    /** The rectification deadline a register brought with it (整改时限), set when such a site is imported. */
    void importDeadline(LocalDate deadline) {
        this.deadline = deadline;
    }

    void announceCreated(SiteKind definition) {
        registerEvent(new SiteChanged(id, definition, null, geom.getEnvelopeInternal()));
    }

    private void ensureNotDeleted() {
        if (deletedAt != null) {
            throw DomainException.gone("site_deleted", null, code);
        }
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof List<?> l ? String.join(",", l.stream().map(String::valueOf).toList())
                : String.valueOf(value);
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    /** The id of the site's kind (its definition is in the {@link KindRegistry}). */
    public String getKind() {
        return kind;
    }

    public String getName() {
        return name;
    }

    public String getStatus() {
        return status;
    }

    public String getTownship() {
        return township;
    }

    public Geometry getGeom() {
        return geom;
    }

    public Double getAreaM2() {
        return areaM2;
    }

    public String getRectificationMode() {
        return rectificationMode;
    }

    public LocalDate getDeadline() {
        return deadline;
    }

    public Instant getDeletedAt() {
        return deletedAt;
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    public long getVersion() {
        return version;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
