package org.wufei.gis.sites.kinds;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A kind definition file as written (YAML), before it is checked; see docs/kinds.md for every field. */
record KindFile(String id, Integer order, Map<String, String> labels, String collection, String code, List<String> geometry,
        String lifecycle, LinkedHashMap<String, Map<String, String>> statuses,
        LinkedHashMap<String, Map<String, String>> evidence, List<Attribute> attributes, Symbol symbol,
        LinkedHashMap<String, Map<String, String>> checklist,
        List<String> popup, List<String> tiles, Demo demo) {

    /** The attribute types a definition may use. */
    enum Type {
        @JsonProperty("text") TEXT,
        @JsonProperty("code") CODE,
        @JsonProperty("number") NUMBER,
        @JsonProperty("integer") INTEGER,
        @JsonProperty("boolean") BOOLEAN,
        @JsonProperty("list") LIST
    }

    record Attribute(String name, Type type, Map<String, String> labels, Boolean required, String unit, Double min,
            Double max, @JsonProperty("max_length") Integer maxLength,
            LinkedHashMap<String, Map<String, String>> codes) {
    }

    record Symbol(String colour, String shape) {
    }

    record Demo(int count) {
    }
}
