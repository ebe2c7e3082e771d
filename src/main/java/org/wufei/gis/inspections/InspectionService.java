package org.wufei.gis.inspections;

import org.wufei.gis.common.Texts;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.wufei.gis.common.Actor;
import org.wufei.gis.common.ApiException;
import org.wufei.gis.common.DomainException;
import org.wufei.gis.common.Role;
import org.wufei.gis.crs.MetricCrs;
import org.wufei.gis.sites.Evidence;
import org.wufei.gis.sites.Site;
import org.wufei.gis.sites.SiteRegister;
import org.wufei.gis.sites.TransitionRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records a field inspection once per client-made id, with its photos, and then asks the site register for
 * the status change the inspector chose, citing the inspection as evidence. The inspection is kept even when
 * the change is refused (the site moved on while the phone was offline): the result says why.
 */
@Service
class InspectionService {
    static final EnumSet<Role> MAY_INSPECT = EnumSet.of(Role.ADMIN, Role.INSPECTOR);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    private final Inspections inspections;
    private final PhotoStore store;
    private final SiteRegister register;
    private final MetricCrs metric;
    private final TransactionTemplate tx;
    private final Clock clock;

    InspectionService(Inspections inspections, PhotoStore store, SiteRegister register, MetricCrs metric,
            TransactionTemplate tx, Clock clock) {
        this.inspections = inspections;
        this.store = store;
        this.register = register;
        this.metric = metric;
        this.tx = tx;
        this.clock = clock;
    }

    /** What happened: whether this call stored the inspection, and the outcome of the requested change. */
    record Outcome(Inspections.Row inspection, boolean created, String transitionResult) {
    }

    Outcome record(long siteId, InspectionForm form, List<CheckedPhoto> photos, Actor actor) {
        if (!actor.hasAnyRole(MAY_INSPECT)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "role_forbidden", null);
        }
        Site site = register.get(siteId);
        if (site.isDeleted()) {
            throw new ApiException(HttpStatus.GONE, "site_deleted", null, site.getCode());
        }
        Optional<Inspections.Row> existing = already(siteId, form.id());
        if (existing.isPresent()) {
            return new Outcome(existing.get(), false, existing.get().transitionResult());
        }
        Double distance = form.lat() == null ? null : distanceM(site.getGeom(), form.lon(), form.lat());
        var row = new Inspections.Row(form.id(), siteId, actor.username(), form.note(),
                JSON.writeValueAsString(form.checklist()), form.lat(), form.lon(), form.accuracyM(), distance,
                form.observedAt(), form.nextStatus(), null, clock.instant());
        try {
            tx.executeWithoutResult(s -> {
                inspections.insert(row);
                for (int i = 0; i < photos.size(); i++) {
                    CheckedPhoto p = photos.get(i);
                    String path = store.save(form.id(), i + 1, p);
                    inspections.insertPhoto(new Inspections.PhotoRow(0, form.id(), i + 1, p.originalName(),
                            p.format(), p.width(), p.height(), p.sizeBytes(), p.exifLat(), p.exifLon(),
                            p.exifTime(), path));
                }
            });
        } catch (DuplicateKeyException e) {
            // the same queued inspection arrived twice at once: the other request stored it
            Inspections.Row stored = already(siteId, form.id()).orElseThrow(() -> e);
            return new Outcome(stored, false, stored.transitionResult());
        }
        String result = form.nextStatus() == null ? null : transition(site, form, actor);
        if (result != null) {
            inspections.recordTransitionResult(form.id(), result);
        }
        return new Outcome(inspections.find(form.id()).orElseThrow(), true, result);
    }

    private Optional<Inspections.Row> already(long siteId, String id) {
        Optional<Inspections.Row> found = inspections.find(id);
        if (found.isPresent() && found.get().siteId() != siteId) {
            throw new ApiException(HttpStatus.CONFLICT, "inspection_id_taken", "id", id);
        }
        return found;
    }

    private String transition(Site site, InspectionForm form, Actor actor) {
        long version = form.siteVersion() == null ? site.getVersion() : form.siteVersion();
        var evidence = List.of(new Evidence("inspection",
                "/api/sites/" + site.getId() + "/inspections/" + form.id(), Texts.zh("inspections.evidence") + " / " + Texts.en("inspections.evidence"), null));
        try {
            register.transition(site.getId(), version,
                    new TransitionRequest(form.nextStatus(), form.note(), new ArrayList<>(evidence), null, null),
                    actor);
            return "applied";
        } catch (DomainException e) {
            return e.code();
        }
    }

    private double distanceM(Geometry siteGeom, double lon, double lat) {
        Geometry here = WGS84.createPoint(new Coordinate(lon, lat));
        return metric.toMetric(here).distance(metric.toMetric(siteGeom));
    }
}
