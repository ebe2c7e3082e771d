package org.wufei.gis.catalog;

import java.time.Instant;
import org.locationtech.jts.geom.Envelope;

/** The spatial extent of a collection's data (storage CRS, null when empty) and its time span (nullable). */
public record Extent(Envelope bbox, Instant start, Instant end) {
}
