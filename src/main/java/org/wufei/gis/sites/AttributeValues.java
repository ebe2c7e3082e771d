package org.wufei.gis.sites;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wufei.gis.common.DomainException;

/**
 * Attribute values checked against a kind's schema: known names, right types, allowed codes, bounds.
 * Holds only the names that were given, so it serves both create (complete) and patch (partial).
 */
public final class AttributeValues {
    private final Map<String, Object> values;

    private AttributeValues(Map<String, Object> values) {
        this.values = values;
    }

    public static AttributeValues validate(SiteKind kind, Map<String, ?> input, boolean complete) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, ?> given = input == null ? Map.of() : input;
        for (String name : given.keySet()) {
            if (kind.attribute(name).isEmpty()) {
                throw DomainException.invalid("attribute_unknown", "attributes." + name, name, kind.id());
            }
        }
        for (AttributeDef def : kind.attributes()) {
            String field = "attributes." + def.name();
            if (!given.containsKey(def.name()) || given.get(def.name()) == null) {
                if (complete && def.required()) {
                    throw DomainException.invalid("attribute_missing", field, def.name());
                }
                if (given.containsKey(def.name())) {
                    out.put(def.name(), null);
                }
                continue;
            }
            out.put(def.name(), convert(def, given.get(def.name()), field));
        }
        return new AttributeValues(out);
    }

    /** The stored values (the JSON column) with these set: lists joined by commas, nulls removed. */
    Map<String, Object> mergedInto(Map<String, Object> stored) {
        Map<String, Object> next = new LinkedHashMap<>(stored);
        asMap().forEach((name, value) -> {
            Object v = value instanceof List<?> l ? TextList.join(l.stream().map(String::valueOf).toList()) : value;
            if (v == null) {
                next.remove(name);
            } else {
                next.put(name, v);
            }
        });
        return next;
    }

    /**
     * Stored values (the JSON column) in definition order, for the API and the history: every attribute of the
     * definition, null when not set (false for a boolean), lists as lists.
     */
    static Map<String, Object> present(SiteKind definition, Map<String, Object> attributes) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (AttributeDef def : definition.attributes()) {
            Object v = attributes.get(def.name());
            m.put(def.name(), switch (def.type()) {
                case STRING_LIST -> TextList.split(v == null ? null : String.valueOf(v));
                case BOOLEAN -> Boolean.TRUE.equals(v);
                case NUMBER -> v instanceof Number n ? n.doubleValue() : v;
                case INTEGER -> v instanceof Number n ? n.intValue() : v;
                case STRING -> v;
            });
        }
        return m;
    }


    private static Object convert(AttributeDef def, Object raw, String field) {
        return switch (def.type()) {
            case STRING -> {
                if (!(raw instanceof String s)) {
                    throw DomainException.invalid("attribute_invalid", field, def.name(), "string");
                }
                String v = s.strip();
                if (def.isEnumerated() && !def.allowed().contains(v)) {
                    throw DomainException.invalid("attribute_value_not_allowed", field, def.name(), v,
                            String.join(", ", def.allowed()));
                }
                if (v.length() > def.maxLength()) {
                    throw DomainException.invalid("attribute_too_long", field, def.name(), def.maxLength());
                }
                yield v;
            }
            case NUMBER, INTEGER -> {
                if (!(raw instanceof Number n)) {
                    throw DomainException.invalid("attribute_invalid", field, def.name(), "number");
                }
                double d = n.doubleValue();
                if (!Double.isFinite(d) || d < def.min() || d > def.max()) {
                    throw DomainException.invalid("attribute_out_of_range", field, def.name(),
                            plain(def.min()), plain(def.max()));
                }
                if (def.type() == AttributeDef.Type.INTEGER) {
                    if (d != Math.rint(d)) {
                        throw DomainException.invalid("attribute_invalid", field, def.name(), "integer");
                    }
                    yield (int) d;
                }
                yield d;
            }
            case BOOLEAN -> {
                if (!(raw instanceof Boolean b)) {
                    throw DomainException.invalid("attribute_invalid", field, def.name(), "boolean");
                }
                yield b;
            }
            case STRING_LIST -> {
                List<String> items = new ArrayList<>();
                if (!(raw instanceof Collection<?> c)) {
                    throw DomainException.invalid("attribute_invalid", field, def.name(), "array");
                }
                for (Object o : c) {
                    if (!(o instanceof String s) || s.isBlank() || s.contains(",")) {
                        throw DomainException.invalid("attribute_invalid", field, def.name(), "array");
                    }
                    if (def.isEnumerated() && !def.allowed().contains(s.strip())) {
                        throw DomainException.invalid("attribute_value_not_allowed", field, def.name(), s,
                                String.join(", ", def.allowed()));
                    }
                    items.add(s.strip());
                }
                if (String.join(",", items).length() > def.maxLength()) {
                    throw DomainException.invalid("attribute_too_long", field, def.name(), def.maxLength());
                }
                yield List.copyOf(items);
            }
        };
    }

    private static String plain(Double d) {
        return new BigDecimal(d).stripTrailingZeros().toPlainString();
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public String string(String name) {
        return (String) values.get(name);
    }

    public Double number(String name) {
        return (Double) values.get(name);
    }

    public Integer integer(String name) {
        return (Integer) values.get(name);
    }

    public Boolean flag(String name) {
        return (Boolean) values.get(name);
    }

    @SuppressWarnings("unchecked")
    public List<String> list(String name) {
        return (List<String>) values.get(name);
    }

    public Map<String, Object> asMap() {
        return java.util.Collections.unmodifiableMap(values);
    }
}
