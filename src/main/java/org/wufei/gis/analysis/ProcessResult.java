package org.wufei.gis.analysis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * The one output of a process: features (rows, each with an optional WGS 84 lon/lat geometry) in the order the
 * process ranks them, and summary figures. Served as a GeoJSON FeatureCollection with a {@code summary} member;
 * an exporter streams {@link #features()} as rows.
 */
public record ProcessResult(List<Feature> features, Map<String, Object> summary) {

    public ProcessResult {
        features = List.copyOf(features);
        summary = summary == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(summary));
    }

    /** One row of a result; property values are strings, numbers, booleans or null, in column order. */
    public record Feature(String id, Geometry geometry, Map<String, Object> properties) {

        public Feature {
            properties = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        }
    }
}
