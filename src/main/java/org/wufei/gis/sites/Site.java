package org.wufei.gis.sites;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.wufei.gis.common.Actor;
import org.wufei.gis.common.DomainException;

/**
 * A managed site of any kind. The only place its status changes: {@link #transitionTo} checks the kind's
 * lifecycle table and publishes {@link SiteStatusChanged} when the change is saved.
 */
@Entity
@Table(name = "site")
@Inheritance(strategy = InheritanceType.JOINED)
@DiscriminatorColumn(name = "kind", length = 32)
public abstract class Site extends AbstractAggregateRoot<Site> {
    public static final int NOTE_MAX = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false, length = 32)
    private String code;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(nullable = false, length = 32)
    private String status;

    @Column(length = 64)
    private String township;

    @Column(nullable = false)
    private Geometry geom;

    @Column(name = "area_m2")
    private Double areaM2;

    @Column(name = "rectification_mode", length = 32)
    private String rectificationMode;

    private LocalDate deadline;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    @Version
    private long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Site() {
    }

    public abstract SiteKind kind();

    /** Sets the kind attributes that were given (all of them on create). */
    protected abstract void assign(AttributeValues values);

    /** The kind attributes by their schema names, for the API and the history. */
    public abstract Map<String, Object> attributes();

    void initialise(String code, String name, String status, String township, Geometry geom, double areaM2,
            Instant now) {
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
            throw DomainException.invalid("status_unknown", "to", request.to(), kind().id());
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
        registerEvent(new SiteStatusChanged(id, code, kind(), from, status, geom.getEnvelopeInternal()));
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
    List<StatusEvent> edit(SiteEdit edit, Actor actor, Instant now) {
        ensureNotDeleted();
        var events = new java.util.ArrayList<StatusEvent>();
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
            Map<String, Object> old = attributes();
            assign(edit.attributes());
            Map<String, Object> updated = attributes();
            for (String key : edit.attributes().asMap().keySet()) {
                if (!Objects.equals(old.get(key), updated.get(key))) {
                    events.add(StatusEvent.change(this, key, text(old.get(key)), text(updated.get(key)), actor, now,
                            edit.note()));
                }
            }
        }
        if (!events.isEmpty()) {
            updatedAt = now;
            registerEvent(new SiteChanged(id, kind(), before, geom.getEnvelopeInternal()));
        }
        return events;
    }

    StatusEvent delete(Actor actor, Instant now, String note) {
        ensureNotDeleted();
        deletedAt = now;
        updatedAt = now;
        registerEvent(new SiteChanged(id, kind(), geom.getEnvelopeInternal(), null));
        return StatusEvent.deleted(this, actor, now, note);
    }

    /** The rectification deadline a register brought with it (整改时限), set when such a site is imported. */
    void importDeadline(LocalDate deadline) {
        this.deadline = deadline;
    }

    void announceCreated() {
        registerEvent(new SiteChanged(id, kind(), null, geom.getEnvelopeInternal()));
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

    public boolean isOverdue(LocalDate today) {
        return deadline != null && today.isAfter(deadline);
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
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
