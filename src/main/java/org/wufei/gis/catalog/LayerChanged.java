package org.wufei.gis.catalog;

import org.locationtech.jts.geom.Envelope;

/**
 * The data of a collection changed (sites edited or moved to another status, detections imported): published
 * by the module that owns the data, inside the writing transaction. Counts and extents move on
 * ({@link DataVersions}) and every cached tile of that collection touching {@code before} or {@code after}
 * (lon/lat, either may be null) is evicted at every zoom.
 */
public record LayerChanged(String collectionId, Envelope before, Envelope after) {
}
