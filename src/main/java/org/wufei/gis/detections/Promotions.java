package org.wufei.gis.detections;

import org.wufei.gis.common.Texts;
import java.util.HashMap;
import java.util.Map;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wufei.gis.common.Actor;
import org.wufei.gis.common.ApiException;
import org.wufei.gis.common.Labels;
import org.wufei.gis.sites.AttributeDef;
import org.wufei.gis.sites.Site;
import org.wufei.gis.sites.SiteKind;
import org.wufei.gis.sites.SiteRegister;

/**
 * Turns a {@code new} detection into a suspected waste heap (疑似问题点位) through the site register, whose
 * history then cites the batch. Promoting a detection twice answers the site made the first time.
 */
@Service
class Promotions {
    private static final Map<String, String> DISCOVERED_BY = Map.of("satellite", "satellite", "drone", "drone",
            "inspection", "inspection", "manual", "report");

    /** The site a detection became; {@code created} is false when it had been promoted before. */
    record Promoted(long detectionId, long siteId, String siteCode, boolean created) {
    }

    private final Detections detections;
    private final ImportedBatches batches;
    private final SiteRegister register;
    private final Map<String, String> categoryByLabel = new HashMap<>();

    private final SiteKind target;

    /** @param target the kind a detection becomes ({@code gis.detections.promote-to}, a heap by default) */
    Promotions(Detections detections, ImportedBatches batches, SiteRegister register, Labels labels,
            @Value("${gis.detections.promote-to:waste_heap}") String target) {
        this.detections = detections;
        this.batches = batches;
        this.register = register;
        this.target = register.kinds().byId(target).orElseThrow(() -> new IllegalStateException(
                "gis.detections.promote-to names no kind definition: " + target));
        this.target.attribute("category").stream()
                .flatMap(a -> a.allowed().stream()).forEach(code -> {
                    categoryByLabel.put(code, code);
                    labels.of(code, "enum.category." + code).values().forEach(l -> categoryByLabel.put(l, code));
                });
    }

    /**
     * Promotes the queue entry the detection belongs to (a duplicate stands for the earlier detection it repeats):
     * the entry becomes the site and every report of it is marked promoted to that site.
     */
    @Transactional
    Promoted promote(long detectionId, Actor actor) {
        ImportedBatches.requireImporter(actor);
        Detections.DetectionRow reported = detections.find(detectionId)
                .orElseThrow(() -> ApiException.notFound("detection", detectionId));
        if (reported.promotedSiteId() != null) {
            Site site = register.get(reported.promotedSiteId());
            return new Promoted(detectionId, site.getId(), site.getCode(), false);
        }
        Detections.DetectionRow d = reported.duplicateOf() == null ? reported
                : detections.find(reported.duplicateOf()).orElse(reported);
        if (d.promotedSiteId() != null) {
            Site site = register.get(d.promotedSiteId());
            return new Promoted(detectionId, site.getId(), site.getCode(), false);
        }
        if (d.dismissed() || reported.dismissed()) {
            throw new ApiException(HttpStatus.CONFLICT, "detection_dismissed", null, detectionId);
        }
        if (!d.triage().equals("new")) {
            throw new ApiException(HttpStatus.CONFLICT, "detection_not_new", null, detectionId, d.triage());
        }
        String fileName = batches.fileName(d.batchId())
                .orElseThrow(() -> ApiException.notFound("import", d.batchId()));
        Point c = d.geometry().getInteriorPoint();
        String township = detections.townshipAt(c.getX(), c.getY()).orElse(null);
        Map<String, Object> attributes = new HashMap<>();
        target.attribute("category").ifPresent(a -> attributes.put("category", categoryByLabel.getOrDefault(
                d.category() == null ? "" : d.category().strip(), a.allowed().contains("other_industrial")
                        ? "other_industrial" : a.allowed().get(a.allowed().size() - 1))));
        target.attribute("ownerless").ifPresent(a -> attributes.put("ownerless", false));
        target.attribute("discovered_by").ifPresent(a -> attributes.put("discovered_by",
                DISCOVERED_BY.getOrDefault(d.source(), "report")));
        String name = d.name() == null ? Texts.zh("detections.promoted.name", d.batchId(), d.featureIndex())
                : d.name();
        Object[] at = {d.batchId(), fileName, d.source(), d.featureIndex(), d.id()};
        String note = Texts.zh("detections.promoted.note", at) + " " + Texts.en("detections.promoted.note", at);
        Site site = register.create(new SiteRegister.NewSite(target, null, truncate(name, 200), null,
                township, d.geometry(), attributes, truncate(note, Site.NOTE_MAX)), actor);
        if (!detections.markPromoted(d.id(), site.getId())) {
            throw new ApiException(HttpStatus.CONFLICT, "detection_promoted_concurrently", null, detectionId);
        }
        detections.markDuplicatesPromoted(d.id(), site.getId());
        return new Promoted(detectionId, site.getId(), site.getCode(), true);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
