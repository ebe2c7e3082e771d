package org.wufei.gis.sites;

import java.util.List;

/**
 * One typed attribute of a kind: its column name (also its API and OGC property name), type, allowed
 * codes for enumerations and bounds. Labels live in the i18n bundles as attr.{name} and enum.{name}.{code}.
 */
public record AttributeDef(String name, Type type, List<String> allowed, boolean required, Double min, Double max,
        int maxLength) {

    /** The value types an attribute can have. */
    public enum Type { STRING, NUMBER, INTEGER, BOOLEAN, STRING_LIST }

    public static AttributeDef text(String name, int maxLength) {
        return new AttributeDef(name, Type.STRING, List.of(), false, null, null, maxLength);
    }

    public static AttributeDef code(String name, boolean required, String... allowed) {
        return new AttributeDef(name, Type.STRING, List.of(allowed), required, null, null, 32);
    }

    public static AttributeDef number(String name, double min, double max) {
        return new AttributeDef(name, Type.NUMBER, List.of(), false, min, max, 0);
    }

    public static AttributeDef integer(String name, int min, int max) {
        return new AttributeDef(name, Type.INTEGER, List.of(), false, (double) min, (double) max, 0);
    }

    public static AttributeDef flag(String name) {
        return new AttributeDef(name, Type.BOOLEAN, List.of(), false, null, null, 0);
    }

    public static AttributeDef list(String name, int maxLength, String... allowed) {
        return new AttributeDef(name, Type.STRING_LIST, List.of(allowed), false, null, null, maxLength);
    }

    public boolean isEnumerated() {
        return !allowed.isEmpty();
    }
}
