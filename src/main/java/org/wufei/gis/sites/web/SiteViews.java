package org.wufei.gis.sites.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.wufei.gis.common.Actor;
import org.wufei.gis.common.Labels;
import org.wufei.gis.common.PublicProjection;
import org.wufei.gis.sites.Evidence;
import org.wufei.gis.sites.Site;
import org.wufei.gis.sites.SiteGeometry;
import org.wufei.gis.sites.SiteKind;
import org.wufei.gis.sites.SiteRegister;
import org.wufei.gis.sites.history.StatusEvent;

/** Turns sites and their history into the JSON the domain API answers, with zh/en labels. */
@Component
class SiteViews {
    private final Labels labels;
    private final SiteRegister register;
    private final PublicProjection projection;

    SiteViews(Labels labels, SiteRegister register, PublicProjection projection) {
        this.labels = labels;
        this.register = register;
        this.projection = projection;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SiteView(long id, String code, String name, String kind, Map<String, String> kindLabel, String status,
            Map<String, String> statusLabel, String township, Double areaM2, Map<String, Object> attributes,
            Rectification rectification, @JsonRawValue String geometry, long version, Instant createdAt,
            Instant updatedAt, Instant deletedAt, List<AllowedTransition> allowedTransitions) {
    }

    record Rectification(String mode, Map<String, String> modeLabel, LocalDate deadline, boolean overdue) {
    }

    record AllowedTransition(String to, Map<String, String> label, List<String> evidenceRequired,
            List<String> waivable, boolean noteRequired, boolean modeRequired, boolean deadlineRequired) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record EventView(long id, String type, String from, Map<String, String> fromLabel, String to,
            Map<String, String> toLabel, String field, String oldValue, String newValue, String actor, Instant at,
            String note, List<Evidence> evidence, String mode, LocalDate deadline, String clientIp,
            String publicNote) {
    }

    record SummaryView(long id, String code, String name, String kind, String status,
            Map<String, String> statusLabel, String township, Double areaM2, LocalDate deadline,
            OffsetDateTime updatedAt, double[] point) {
    }

    record Page<T>(List<T> items, int page, int size, long total) {
    }

    SiteView of(Site s, Actor actor) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Rectification rect = s.getRectificationMode() == null && s.getDeadline() == null ? null
                : new Rectification(s.getRectificationMode(),
                        s.getRectificationMode() == null ? null
                                : labels.of(s.getRectificationMode(), "mode." + s.getRectificationMode()),
                        s.getDeadline(), s.getDeadline() != null && today.isAfter(s.getDeadline()));
        SiteKind kind = register.kindOf(s);
        List<AllowedTransition> allowed = register.allowedTransitions(s, actor).stream()
                .map(t -> new AllowedTransition(t.to(), status(kind, t.to()), t.evidence(),
                        List.copyOf(t.waivable()), t.noteRequired(), t.modeRequired(),
                        t.deadline() != null && t.deadline().required()))
                .toList();
        return new SiteView(s.getId(), s.getCode(), s.getName(), kind.id(),
                labels.of(kind.id(), "kind." + kind.id()), s.getStatus(), status(kind, s.getStatus()),
                s.getTownship(), s.getAreaM2(), s.attributes(kind), rect, SiteGeometry.toGeoJson(s.getGeom()),
                s.getVersion(), s.getCreatedAt(), s.getUpdatedAt(), s.getDeletedAt(), allowed);
    }

    EventView of(SiteKind kind, StatusEvent e) {
        return new EventView(e.getId(), e.getType().name().toLowerCase(), e.getFromStatus(),
                e.getFromStatus() == null ? null : status(kind, e.getFromStatus()), e.getToStatus(),
                e.getToStatus() == null ? null : status(kind, e.getToStatus()), e.getField(), e.getOldValue(),
                e.getNewValue(), e.getActor(), e.getAt(), e.getNote(), e.getEvidence(), e.getRectificationMode(),
                e.getDeadline(), e.getClientIp(), e.getPublicNote());
    }

    /**
     * The site as anonymous readers see it: status, kind, township, the kind's public attributes, rectification terms
     * and geometry; no transitions to offer.
     */
    SiteView forPublic(Site s) {
        SiteView full = of(s, new Actor("anonymous", Set.of(), null));
        Set<String> shown = projection.attributes(s.getKind());
        Map<String, Object> attributes = new LinkedHashMap<>(full.attributes());
        attributes.keySet().retainAll(shown);
        return new SiteView(full.id(), full.code(), full.name(), full.kind(), full.kindLabel(), full.status(),
                full.statusLabel(), full.township(), full.areaM2(), attributes, full.rectification(), full.geometry(),
                full.version(), full.createdAt(), full.updatedAt(), full.deletedAt(), List.of());
    }

    /**
     * A history as anonymous readers see it: creation, status changes and deletion with their date, status and public
     * note; changes of public attributes with their values. Never the actor, the client address, the internal note or
     * the evidence.
     */
    List<EventView> forPublic(SiteKind kind, List<StatusEvent> events) {
        Set<String> shown = projection.attributes(kind.id());
        return events.stream()
                .filter(e -> e.getType() != StatusEvent.Type.ATTRIBUTE || shown.contains(e.getField()))
                .map(e -> new EventView(e.getId(), e.getType().name().toLowerCase(), e.getFromStatus(),
                        e.getFromStatus() == null ? null : status(kind, e.getFromStatus()), e.getToStatus(),
                        e.getToStatus() == null ? null : status(kind, e.getToStatus()), e.getField(),
                        e.getOldValue(), e.getNewValue(), null, e.getAt(), null, null, e.getRectificationMode(),
                        e.getDeadline(), null, e.getPublicNote()))
                .toList();
    }

    SummaryView of(SiteQueries.Row r) {
        SiteKind kind = register.kinds().get(r.kind());
        return new SummaryView(r.id(), r.code(), r.name(), r.kind(), r.status(), status(kind, r.status()),
                r.township(), r.areaM2(), r.deadline(), r.updatedAt(), new double[] {r.lon(), r.lat()});
    }

    Map<String, String> status(SiteKind kind, String status) {
        return labels.of(status, "status." + kind.id() + "." + status, "status." + status);
    }
}
