package org.wufei.gis.analysis;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A job's result as it is kept in {@code process_job.result_gzip}: gzipped JSON with the summary and each feature's
 * id, GeoJSON geometry and properties, and named outputs if any, read back to the same {@link ProcessResult} (whole
 * numbers as Long, others as Double). Gzipped at the fastest level: a worklist of 35,000 rows is 19 MB of JSON,
 * 3.9 MB gzipped in 0.11 s, which the database stores several times faster than the text (see V313).
 */
final class ProcessResultJson {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProcessResultJson() {
    }

    /**
     * Written as a stream: a geometry the database wrote as GeoJSON text goes in as it is (a worklist of tens of
     * thousands of rows is not parsed again into a tree first).
     */
    static byte[] write(ProcessResult result) {
        GeoJsonWriter geometries = new GeoJsonWriter();
        geometries.setEncodeCRS(false);
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + 100 * result.features().size());
        try (JsonGenerator g = JSON.createGenerator(gzip(out))) {
            g.writeStartObject();
            g.writePOJOProperty("summary", result.summary());
            if (result.hasNamedOutputs()) {
                g.writePOJOProperty("outputs", result.outputs());
            }
            g.writeArrayPropertyStart("features");
            for (ProcessResult.Feature f : result.features()) {
                g.writeStartObject();
                g.writeStringProperty("id", f.id());
                if (f.geoJson() != null) {
                    g.writeName("geometry");
                    g.writeRawValue(f.geoJson());
                } else if (f.geometry() != null) {
                    g.writeName("geometry");
                    g.writeRawValue(geometries.write(f.geometry()));
                }
                g.writeName("properties");
                FeatureProperties.write(g, f.properties());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    private static GZIPOutputStream gzip(ByteArrayOutputStream out) {
        try {
            return new GZIPOutputStream(out, 1 << 16) {
                {
                    def.setLevel(Deflater.BEST_SPEED);
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e); // not thrown by a stream in memory
        }
    }

    /** A result as {@link #write} gave it. */
    static ProcessResult read(byte[] gzipped) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped), 1 << 16)) {
            return read(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable job result", e);
        }
    }

    /** A result kept as JSON text (written before V313). */
    static ProcessResult read(String json) {
        return read(JSON.readTree(json));
    }

    /** Each geometry is kept as its GeoJSON text (read into JTS only when a row's geometry is asked for). */
    private static ProcessResult read(JsonNode root) {
        List<ProcessResult.Feature> features = new ArrayList<>();
        for (JsonNode f : root.path("features")) {
            String text = f.hasNonNull("geometry") ? f.get("geometry").toString() : null;
            // the text: the results document then gives the geometry exactly as the synchronous answer did
            features.add(new ProcessResult.Feature(f.path("id").asString(null), null, object(f.path("properties")),
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
