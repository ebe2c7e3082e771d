package org.wufei.gis.analysis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * What a process gives. A planning process: features (rows, each with an optional WGS 84 lon/lat geometry) in the
 * order the process ranks them, and summary figures, served as a GeoJSON FeatureCollection with a {@code summary}
 * member (an exporter streams {@link #features()} as rows). A process with named outputs (the {@code echo} test
 * process) gives {@link #outputs()} instead: output id to its value as a results document carries it (string,
 * number, boolean, list, map; a binary value as {@code {"value": base64, "mediaType", "encoding": "base64"}}, a
 * value by reference as {@code {"href", "type"}}).
 */
public record ProcessResult(List<Feature> features, Map<String, Object> summary, Map<String, Object> outputs) {

    public ProcessResult {
        features = List.copyOf(features);
        summary = summary == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(summary));
        outputs = outputs == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
    }

    public ProcessResult(List<Feature> features, Map<String, Object> summary) {
        this(features, summary, Map.of());
    }

    /** A result of named outputs only. */
    public static ProcessResult ofOutputs(Map<String, Object> outputs) {
        return new ProcessResult(List.of(), Map.of(), outputs);
    }

    /** Whether this result is named outputs rather than one FeatureCollection. */
    public boolean hasNamedOutputs() {
        return !outputs.isEmpty();
    }

    /**
     * One row of a result; property values are strings, numbers, booleans or null, in column order. The geometry
     * is a JTS geometry, or (rows read for an answer, not for computing) {@code geoJson}: GeoJSON text the database
     * wrote ({@code ST_AsGeoJSON}), sent as it is; a job's stored result is read back with JTS geometries.
     * A {@link LinkedHashMap} of properties is taken over, not copied (the processes build one for each row and
     * hand it over; the copy doubled the maps a 35,000-row job holds, which young collections copy mid-job); it is
     * seen through an unmodifiable view. Any other map is copied in its iteration order.
     */
    public record Feature(String id, Geometry geometry, Map<String, Object> properties, String geoJson) {

        public Feature {
            properties = Collections.unmodifiableMap(properties instanceof LinkedHashMap<String, Object> own ? own
                    : new LinkedHashMap<>(properties));
        }

        public Feature(String id, Geometry geometry, Map<String, Object> properties) {
            this(id, geometry, properties, null);
        }

        /** A row whose geometry is GeoJSON text from the database. */
        public static Feature ofGeoJson(String id, String geoJson, Map<String, Object> properties) {
            return new Feature(id, null, properties, geoJson);
        }

        /** The JTS geometry (WGS 84 lon/lat), read from the GeoJSON text when the row has only that. */
        @Override
        public Geometry geometry() {
            if (geometry != null || geoJson == null) {
                return geometry;
            }
            try {
                Geometry g = new GeoJsonReader().read(geoJson);
                g.setSRID(4326);
                return g;
            } catch (ParseException e) {
                throw new IllegalStateException("unreadable GeoJSON geometry of row " + id, e);
            }
        }
    }
}
