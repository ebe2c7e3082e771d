package org.wufei.gis.detections;

import java.io.StringWriter;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Maps an uploaded feature's attributes to the detection's own fields through the configurable alias table
 * (名称/name, 类别/category, 备注/note, 置信度/confidence, 日期/acquired, 面积/area); everything else is kept as-is
 * in a JSON text column. Values are stored as text, never interpreted as markup.
 */
public final class DetectionFields {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The mapped fields of one feature; {@code attributesJson} holds the rest. */
    public record Fields(String name, String category, String note, Double confidence, LocalDate acquired,
            String attributesJson) {
    }

    /** Attribute names seen before and their field ("" for none); files repeat a few names on every feature. */
    private static final int MAX_NAMES_REMEMBERED = 10_000;
    private static final String NO_FIELD = "";

    private final Map<String, String> fieldByAlias = new HashMap<>();
    private final Map<String, String> fieldByName = new ConcurrentHashMap<>();

    public DetectionFields(Map<String, List<String>> aliases) {
        aliases.forEach((field, names) -> names.forEach(n -> fieldByAlias.put(key(n), field)));
    }

    public Fields map(Map<String, Object> attributes, LocalDate batchAcquired) {
        Map<String, Object> rest = new LinkedHashMap<>();
        Map<String, Object> mine = new HashMap<>();
        attributes.forEach((name, value) -> {
            String field = fieldOf(name);
            if (field == null || mine.containsKey(field) || value == null) {
                rest.put(name, plain(value));
            } else {
                mine.put(field, value);
                if (field.equals("area") || field.equals("confidence") && confidence(value) == null) {
                    rest.put(name, plain(value)); // the declared value stays visible; ours is measured
                }
            }
        });
        LocalDate acquired = date(mine.get("acquired"));
        return new Fields(text(mine.get("name")), text(mine.get("category")), text(mine.get("note")),
                confidence(mine.get("confidence")), acquired == null ? batchAcquired : acquired,
                rest.isEmpty() ? null : json(rest));
    }

    /**
     * The kept attributes as a JSON object, through Jackson's generator: the values are plain (text, numbers,
     * booleans, null), so the data binder's per-call setup and serializer lookups (a tenth of the reading thread)
     * buy nothing. The text is the same as {@code writeValueAsString} gives.
     */
    static String json(Map<String, Object> attributes) {
        StringWriter out = new StringWriter(32 + 16 * attributes.size());
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            for (Map.Entry<String, Object> e : attributes.entrySet()) {
                g.writeName(e.getKey());
                Object v = e.getValue();
                if (v == null) {
                    g.writeNull();
                } else if (v instanceof String t) {
                    g.writeString(t);
                } else if (v instanceof Boolean b) {
                    g.writeBoolean(b);
                } else if (v instanceof Integer i) {
                    g.writeNumber(i);
                } else if (v instanceof Long l) {
                    g.writeNumber(l);
                } else if (v instanceof Double d) {
                    g.writeNumber(d);
                } else {
                    g.writePOJO(v);
                }
            }
            g.writeEndObject();
        }
        return out.toString();
    }

    /** The field an attribute name stands for, or null (normalising every name of every feature was 40 % of map). */
    private String fieldOf(String name) {
        String field = fieldByName.get(name);
        if (field == null) {
            field = fieldByAlias.getOrDefault(key(name), NO_FIELD);
            if (fieldByName.size() < MAX_NAMES_REMEMBERED) {
                fieldByName.put(name, field);
            }
        }
        return field.isEmpty() ? null : field;
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    private static Object plain(Object v) {
        if (v instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList(); // a KMZ placemark's images
        }
        return v == null || v instanceof Number || v instanceof Boolean || v instanceof String ? v : v.toString();
    }

    private static String text(Object v) {
        if (v == null) {
            return null;
        }
        String s = v instanceof Double d && d == Math.rint(d) ? String.valueOf(d.longValue()) : v.toString().strip();
        return s.isEmpty() ? null : s;
    }

    /** 0..1 as given; 1..100 read as a percentage; anything else unknown. */
    static Double confidence(Object v) {
        Double d = null;
        if (v instanceof Number n) {
            d = n.doubleValue();
        } else if (v != null) {
            String s = v.toString().strip().replace("%", "");
            try {
                d = Double.parseDouble(s);
                if (v.toString().contains("%")) {
                    d = d / 100;
                }
            } catch (NumberFormatException e) {
                return null;
            }
        }
        if (d == null || !Double.isFinite(d) || d < 0 || d > 100) {
            return null;
        }
        return d > 1 ? d / 100 : d;
    }

    private static LocalDate date(Object v) {
        if (v instanceof LocalDateTime t) {
            return t.toLocalDate();
        }
        if (v instanceof LocalDate d) {
            return d;
        }
        if (v == null) {
            return null;
        }
        String s = v.toString().strip().replace('/', '-').replace('.', '-');
        try {
            return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
