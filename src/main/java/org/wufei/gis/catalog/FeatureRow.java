package org.wufei.gis.catalog;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * One feature read from a collection: id, properties in collection order, geometry and version (null for layers
 * without one). The geometry is either a JTS geometry in the storage CRS or, when the database wrote it for an
 * items page, its GeoJSON text in CRS84 ({@code geometryGeoJson}); null in both when it was not read.
 */
public record FeatureRow(long id, Map<String, Object> properties, Geometry geometry, Long version,
        String geometryGeoJson) {

    public FeatureRow(long id, Map<String, Object> properties, Geometry geometry, Long version) {
        this(id, properties, geometry, version, null);
    }
}
