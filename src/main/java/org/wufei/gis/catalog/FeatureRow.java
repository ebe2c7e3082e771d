package org.wufei.gis.catalog;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/** One feature read from a collection: id, properties in collection order and geometry (storage CRS, or null). */
public record FeatureRow(long id, Map<String, Object> properties, Geometry geometry) {
}
