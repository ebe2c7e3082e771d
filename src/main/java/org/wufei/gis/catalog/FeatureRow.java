package org.wufei.gis.catalog;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * One feature read from a collection: id, properties in collection order, geometry (storage CRS, or null) and
 * version (null for layers without one).
 */
public record FeatureRow(long id, Map<String, Object> properties, Geometry geometry, Long version) {
}
