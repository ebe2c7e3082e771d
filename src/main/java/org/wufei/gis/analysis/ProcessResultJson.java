package org.wufei.gis.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A job's result as it is kept in {@code process_job.result}: JSON with the summary and each feature's id, GeoJSON
 * geometry and properties, and named outputs if any, read back to the same {@link ProcessResult} (whole numbers as
 * Long, others as Double).
 */
final class ProcessResultJson {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProcessResultJson() {
    }

    static String write(ProcessResult result) {
        GeoJsonWriter geometries = new GeoJsonWriter();
        geometries.setEncodeCRS(false);
        ObjectNode root = JSON.createObjectNode();
        root.set("summary", JSON.valueToTree(result.summary()));
        if (result.hasNamedOutputs()) {
            root.set("outputs", JSON.valueToTree(result.outputs()));
        }
        ArrayNode features = root.putArray("features");
        for (ProcessResult.Feature f : result.features()) {
            ObjectNode node = features.addObject();
            node.put("id", f.id());
            if (f.geoJson() != null) {
                node.set("geometry", JSON.readTree(f.geoJson()));
            } else if (f.geometry() != null) {
                node.set("geometry", JSON.readTree(geometries.write(f.geometry())));
            }
            node.set("properties", JSON.valueToTree(f.properties()));
        }
        return JSON.writeValueAsString(root);
    }

    static ProcessResult read(String json) {
        JsonNode root = JSON.readTree(json);
        GeoJsonReader geometries = new GeoJsonReader();
        List<ProcessResult.Feature> features = new ArrayList<>();
        for (JsonNode f : root.path("features")) {
            Geometry g = null;
            String text = null;
            if (f.hasNonNull("geometry")) {
                text = f.get("geometry").toString();
                try {
                    g = geometries.read(text);
                    g.setSRID(4326);
                } catch (ParseException e) {
                    throw new IllegalStateException("stored job result has a bad geometry", e);
                }
            }
            // the text too: the results document then gives the geometry exactly as the synchronous answer did
            features.add(new ProcessResult.Feature(f.path("id").asString(null), g, object(f.path("properties")),
                    text));
        }
        return new ProcessResult(features, object(root.path("summary")), object(root.path("outputs")));
    }

    private static Map<String, Object> object(JsonNode node) {
        Map<String, Object> out = new LinkedHashMap<>();
        node.properties().forEach(e -> out.put(e.getKey(), value(e.getValue())));
        return out;
    }

    private static Object value(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isIntegralNumber()) {
            return v.asLong();
        }
        if (v.isNumber()) {
            return v.asDouble();
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isObject()) {
            return object(v);
        }
        if (v.isArray()) {
            List<Object> list = new ArrayList<>();
            v.forEach(x -> list.add(value(x)));
            return list;
        }
        return v.asString();
    }
}
