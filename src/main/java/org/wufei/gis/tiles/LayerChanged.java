package org.wufei.gis.tiles;

import org.locationtech.jts.geom.Envelope;

/**
 * Publish this after features of a collection changed outside the site register (e.g. imported detections):
 * every cached tile of that collection touching {@code before} or {@code after} (lon/lat, either may be null)
 * is evicted at every zoom, as for site changes.
 */
public record LayerChanged(String collectionId, Envelope before, Envelope after) {
}
