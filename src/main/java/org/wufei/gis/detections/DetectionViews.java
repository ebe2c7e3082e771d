package org.wufei.gis.detections;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.LocalDate;
import java.util.List;
import org.wufei.gis.sites.SiteGeometry;

/** The JSON shapes of detections: a GeoJSON feature with the detection's fields and triage. */
public final class DetectionViews {
    private DetectionViews() {
    }

    public record DetectionProperties(long batchId, long featureIndex, String layer, String source, LocalDate acquired,
            Double confidence, String name, String category, Double areaM2, String note,
            @JsonRawValue String attributes, String triage, Long matchedSiteId, boolean redFlag, boolean repaired,
            Long promotedSiteId, Long duplicateOf, boolean dismissed,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<Detections.Report> reports) {
    }

    public record Feature(String type, long id, @JsonRawValue String geometry, DetectionProperties properties) {
    }

    public record FeatureCollection(String type, List<Feature> features, long numberMatched, int numberReturned) {
    }

    public static Feature of(Detections.DetectionRow d) {
        return of(d, null);
    }

    /** With the reports of its queue entry (for one detection read on its own). */
    public static Feature of(Detections.DetectionRow d, List<Detections.Report> reports) {
        return new Feature("Feature", d.id(), SiteGeometry.toGeoJson(d.geometry()),
                new DetectionProperties(d.batchId(), d.featureIndex(), d.layer(), d.source(), d.acquired(),
                        d.confidence(), d.name(), d.category(), d.areaM2(), d.note(), d.attributesJson(), d.triage(),
                        d.matchedSiteId(), d.redFlag(), d.repaired(), d.promotedSiteId(), d.duplicateOf(),
                        d.dismissed(), reports));
    }
}
