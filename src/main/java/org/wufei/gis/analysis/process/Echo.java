package org.wufei.gis.analysis.process;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.wufei.gis.analysis.PlanningProcess;
import org.wufei.gis.analysis.ProcessDescription;
import org.wufei.gis.analysis.ProcessDescription.Output;
import org.wufei.gis.analysis.ProcessInputs;
import org.wufei.gis.analysis.ProcessResult;
import org.wufei.gis.catalog.LocalizedText;
import org.wufei.gis.common.ApiException;
import tools.jackson.databind.JsonNode;

/**
 * OGC's {@code echo} test process (OGC API - Processes - Part 1, the example process the CITE suite executes): one
 * input per kind of value — string, number, boolean, object, bounding box, array, binary image (GeoTIFF or JPEG
 * 2000: a mixed-type input, {@code oneOf}) — each returned as the
 * output of the same id and type. It reads no data and fetches nothing: a binary input given by reference
 * ({@code href}) comes back as the same reference. Every value is bounded ({@link EchoValues}). The input
 * {@code pause} (0–10 s, no output) delays the answer, so a client can see a job that has not finished.
 */
@Component
class Echo implements PlanningProcess {
    static final String ID = "echo";
    static final String STRING = "stringInput";
    static final String DOUBLE = "doubleInput";
    static final String BOOLEAN = "booleanInput";
    static final String BBOX = "boundingBoxInput";
    static final String OBJECT = "objectInput";
    static final String ARRAY = "arrayInput";
    static final String BINARY = "binaryInput";
    /** Seconds the execution waits before it answers (no output): lets a client see a job not yet finished. */
    static final String PAUSE = "pause";
    static final int MAX_PAUSE_SECONDS = 10;
    static final String TIFF = "image/tiff; application=geotiff";
    static final String JP2 = "image/jp2";

    private final ProcessDescription description;

    Echo() {
        Map<String, Map<String, Object>> schemas = new LinkedHashMap<>();
        schemas.put(STRING, Map.of("type", "string", "maxLength", EchoValues.MAX_TEXT));
        schemas.put(DOUBLE, Map.of("type", "number"));
        schemas.put(BOOLEAN, Map.of("type", "boolean"));
        // the object input before the bounding box: a client filling "the first object input" fills this one
        schemas.put(OBJECT, Map.of("type", "object", "additionalProperties", true));
        schemas.put(BBOX, Map.of("type", "object", "format", "ogc-bbox", "required", List.of("bbox"),
                "properties", Map.of(
                        "bbox", Map.of("type", "array", "items", Map.of("type", "number"),
                                "oneOf", List.of(Map.of("minItems", 4, "maxItems", 4),
                                        Map.of("minItems", 6, "maxItems", 6))),
                        "crs", Map.of("type", "string", "format", "uri", "default", EchoValues.CRS84))));
        schemas.put(ARRAY, Map.of("type", "array", "items", Map.of("type", "integer"), "minItems", 1,
                "maxItems", EchoValues.MAX_ITEMS));
        // a mixed type (oneOf), as OGC's example process: a GeoTIFF or a JPEG 2000 image
        schemas.put(BINARY, Map.of("oneOf", List.of(
                Map.of("type", "string", "contentEncoding", "binary", "contentMediaType", TIFF),
                Map.of("type", "string", "contentEncoding", "binary", "contentMediaType", JP2))));
        List<ProcessDescription.Input> inputs = new java.util.ArrayList<>();
        List<Output> outputs = new java.util.ArrayList<>();
        int i = 0;
        for (Map.Entry<String, Map<String, Object>> e : schemas.entrySet()) {
            LocalizedText title = LocalizedText.of("process.echo.input." + e.getKey());
            inputs.add(new ProcessDescription.Input(e.getKey(), title, e.getValue(), i == 0));
            outputs.add(new Output(e.getKey(), title, e.getValue()));
            i++;
        }
        inputs.add(new ProcessDescription.Input(PAUSE, LocalizedText.of("process.echo.input.pause"),
                Map.of("type", "integer", "minimum", 0, "maximum", MAX_PAUSE_SECONDS), false));
        this.description = new ProcessDescription(ID, "1.0.0", LocalizedText.of("process.echo.title"),
                LocalizedText.of("process.echo.description"),
                inputs, Map.of("type", "object"), true, outputs);
    }

    @Override
    public ProcessDescription description() {
        return description;
    }

    @Override
    public ProcessResult execute(ProcessInputs in) {
        Map<String, Object> out = new LinkedHashMap<>();
        put(out, STRING, in.value(STRING).map(v -> EchoValues.text(STRING, v)));
        put(out, DOUBLE, in.value(DOUBLE).map(v -> EchoValues.number(DOUBLE, v)));
        put(out, BOOLEAN, in.value(BOOLEAN).map(v -> EchoValues.bool(BOOLEAN, v)));
        // an object input is echoed as given: {"value": …} is its content here, not a qualified value to unwrap
        put(out, OBJECT, in.given(OBJECT).map(v -> EchoValues.object(OBJECT, v)));
        put(out, BBOX, in.value(BBOX).map(v -> EchoValues.bbox(BBOX, v)));
        put(out, ARRAY, in.value(ARRAY).map(v -> EchoValues.integers(ARRAY, v)));
        put(out, BINARY, in.given(BINARY).map(v -> binary(BINARY, v)));
        in.value(PAUSE).ifPresent(v -> pause(EchoValues.number(PAUSE, v)));
        return ProcessResult.ofOutputs(out);
    }

    private static void pause(Number seconds) {
        if (!(seconds instanceof Long s) || s < 0 || s > MAX_PAUSE_SECONDS) {
            throw ApiException.badRequest("parameter_invalid", PAUSE, PAUSE);
        }
        try {
            Thread.sleep(s * 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("echo interrupted while pausing", e);
        }
    }

    private static void put(Map<String, Object> out, String name, Optional<Object> value) {
        value.ifPresent(v -> out.put(name, v));
    }

    /**
     * A binary input: base64 text, a qualified value ({@code value} with {@code mediaType}/{@code encoding}, or
     * {@code format: {mediaType, encoding}}), or a reference ({@code href}, kept as a reference, never fetched).
     */
    static Object binary(String name, JsonNode v) {
        String mediaType = TIFF;
        if (v.isObject()) {
            JsonNode format = v.path("format");
            String given = v.path("mediaType").asString(format.path("mediaType").asString(
                    v.path("type").asString("")));
            if (!given.isBlank()) {
                mediaType = EchoValues.mediaType(name, given);
                if (!mediaType.startsWith("image/tiff") && !mediaType.startsWith(JP2)) {
                    throw ApiException.badRequest("parameter_invalid", name, name);
                }
            }
            if (v.has("href")) {
                Map<String, Object> ref = new LinkedHashMap<>();
                ref.put("href", href(name, v.get("href")));
                ref.put("type", mediaType);
                return ref;
            }
            String encoding = v.path("encoding").asString(format.path("encoding").asString("base64"));
            if (!"base64".equalsIgnoreCase(encoding)) {
                throw ApiException.badRequest("parameter_invalid", name, name);
            }
            v = v.path("value");
        }
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("value", EchoValues.base64(name, v));
        value.put("mediaType", mediaType);
        value.put("encoding", "base64");
        return value;
    }

    private static String href(String name, JsonNode v) {
        if (!v.isString() || v.asString().length() > EchoValues.MAX_TEXT) {
            throw ApiException.badRequest("parameter_invalid", name, name);
        }
        try {
            URI uri = new URI(v.asString());
            if (uri.isAbsolute() && ("http".equalsIgnoreCase(uri.getScheme())
                    || "https".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null) {
                return uri.toString();
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        throw ApiException.badRequest("parameter_invalid", name, name);
    }

}
