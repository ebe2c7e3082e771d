package org.wufei.gis.analysis.process;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wufei.gis.analysis.ProcessDescription.Input;
import org.wufei.gis.catalog.LocalizedText;
import org.wufei.gis.sites.SiteKind;

/** JSON-schema fragments of process inputs and outputs, inline (the OpenAPI document must be self-contained). */
final class Schemas {

    private Schemas() {
    }

    /** An input titled by the bundle message {@code process.<process>.input.<name>}. */
    static Input input(String process, String name, Map<String, Object> schema, boolean required) {
        return new Input(name, LocalizedText.of("process." + process + ".input." + name), schema, required);
    }

    static Map<String, Object> geometry() {
        return Map.of("type", "object", "format", "geojson-geometry",
                "description", "GeoJSON geometry in CRS84 (lon, lat), inside the district",
                "required", List.of("type", "coordinates"));
    }

    static Map<String, Object> metres(double max, Double fallback) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("type", "number");
        s.put("exclusiveMinimum", 0);
        s.put("maximum", max);
        if (fallback != null) {
            s.put("default", fallback);
        }
        s.put("description", "metres on the ground");
        return s;
    }

    static Map<String, Object> kinds() {
        // Kind ids come from the definitions (GET /api/kinds); the schema does not freeze them.
        return Map.of("type", "array", "items", Map.of("type", "string", "pattern", "^[a-z][a-z0-9_]*$"),
                "uniqueItems", true);
    }

    static Map<String, Object> strings() {
        return Map.of("type", "array", "items", Map.of("type", "string"));
    }

    static Map<String, Object> string() {
        return Map.of("type", "string");
    }

    static Map<String, Object> date() {
        return Map.of("type", "string", "format", "date");
    }

    static Map<String, Object> integer(int min, int max, int fallback) {
        return Map.of("type", "integer", "minimum", min, "maximum", max, "default", fallback);
    }

    static Map<String, Object> featureCollection() {
        return Map.of("type", "object", "format", "geojson-feature-collection",
                "contentMediaType", "application/geo+json");
    }
}
