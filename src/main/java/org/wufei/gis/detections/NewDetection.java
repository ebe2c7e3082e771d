package org.wufei.gis.detections;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.wufei.gis.triage.Triage;

/** A detection ready to store but for its triage verdict: what the run made of one feature. */
public record NewDetection(long featureIndex, String layer, String source, LocalDate acquired, DetectionFields.Fields fields,
        double areaM2, Geometry geometry, boolean repaired) {

    /** The stored columns, in {@link Detections#STORED} order. */
    static final List<String> COLUMNS = Arrays.stream(Detections.STORED.split(",")).map(String::strip).toList();

    /** The values of {@link #COLUMNS} for this detection of the batch with its verdict (the geometry as JTS). */
    Object[] values(long batchId, Triage.Verdict verdict) {
        return new Object[] {batchId, featureIndex, layer, source, acquired, fields.confidence(), fields.name(),
                fields.category(), areaM2, fields.note(), fields.attributesJson(), geometry, verdict.result().code(),
                verdict.matchedSiteId(), verdict.redFlag(), repaired};
    }
}
