package org.wufei.gis.analysis.process;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.wufei.gis.common.ApiException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The checks of the {@code echo} process's inputs: each value of its type and bounded; else 400 parameter_invalid. */
final class EchoValues {
    static final int MAX_TEXT = 4000;
    static final int MAX_ITEMS = 100;
    static final int MAX_OBJECT_CHARS = 65_536;
    static final int MAX_BINARY_BYTES = 1 << 20;
    static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    private static final Pattern MEDIA_TYPE = Pattern.compile("[\\w.+-]+/[\\w.+-]+( *;[ \\w.+=\"/-]*)*");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EchoValues() {
    }

    static String text(String name, JsonNode v) {
        if (!v.isString() || v.asString().length() > MAX_TEXT) {
            throw invalid(name);
        }
        return v.asString();
    }

    static Number number(String name, JsonNode v) {
        if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw invalid(name);
        }
        return v.isIntegralNumber() && v.canConvertToLong() ? (Number) v.asLong() : (Number) v.asDouble();
    }

    static Boolean bool(String name, JsonNode v) {
        if (!v.isBoolean()) {
            throw invalid(name);
        }
        return v.asBoolean();
    }

    /** {@code {"bbox": [4 or 6 numbers], "crs": uri}}; the numbers are echoed, not checked against the district. */
    static Map<String, Object> bbox(String name, JsonNode v) {
        JsonNode box = v.path("bbox");
        if (!v.isObject() || !box.isArray() || box.size() != 4 && box.size() != 6) {
            throw invalid(name);
        }
        List<Object> numbers = new ArrayList<>();
        for (JsonNode n : box) {
            numbers.add(number(name, n));
        }
        for (String member : v.propertyNames()) {
            if (!"bbox".equals(member) && !"crs".equals(member)) {
                throw invalid(name);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("bbox", numbers);
        out.put("crs", v.has("crs") ? text(name, v.get("crs")) : CRS84);
        return out;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(String name, JsonNode v) {
        if (!v.isObject() || v.toString().length() > MAX_OBJECT_CHARS) {
            throw invalid(name);
        }
        return JSON.treeToValue(v, Map.class);
    }

    static List<Long> integers(String name, JsonNode v) {
        if (!v.isArray() || v.isEmpty() || v.size() > MAX_ITEMS) {
            throw invalid(name);
        }
        List<Long> out = new ArrayList<>();
        for (JsonNode n : v) {
            if (!n.isIntegralNumber() || !n.canConvertToLong()) {
                throw invalid(name);
            }
            out.add(n.asLong());
        }
        return out;
    }

    /** Base64 text (at most 1 MiB once decoded), returned in its canonical form. */
    static String base64(String name, JsonNode v) {
        if (!v.isString() || v.asString().length() > MAX_BINARY_BYTES / 3 * 4 + 8) {
            throw invalid(name);
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(v.asString().replaceAll("\\s", ""));
            if (bytes.length == 0 || bytes.length > MAX_BINARY_BYTES) {
                throw invalid(name);
            }
            return Base64.getEncoder().encodeToString(bytes);
        } catch (IllegalArgumentException e) {
            throw invalid(name);
        }
    }

    static String mediaType(String name, String given) {
        if (given.length() > 200 || !MEDIA_TYPE.matcher(given).matches()) {
            throw invalid(name);
        }
        return given;
    }

    private static ApiException invalid(String name) {
        return ApiException.badRequest("parameter_invalid", name, name);
    }
}
