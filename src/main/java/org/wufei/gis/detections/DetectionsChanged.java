package org.wufei.gis.detections;

import org.locationtech.jts.geom.Envelope;

/**
 * Published after an import batch's detections were committed or rolled back, so map layers and tile caches
 * covering {@code bounds} (EPSG:4326; null when the batch had no detections) can refresh.
 *
 * @param change "committed" or "rolled_back"
 */
public record DetectionsChanged(long batchId, String change, Envelope bounds) {
    public static final String COMMITTED = "committed";
    public static final String ROLLED_BACK = "rolled_back";
}
