package org.wufei.gis.reference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One reference layer as data: its collection id, table, start-up file, geometry family and columns with their
 * types, defaults and allowed values. The start-up loader and an ADMIN's replacement upload both turn a feature's
 * attributes into row values through {@link #values}, so both refuse and default the same way.
 */
record ReferenceLayerSpec(String collectionId, String table, String file, Family family, boolean replaceable,
        List<Column> columns) {

    /** The geometry types a layer takes. */
    enum Family {
        POINT("Point"), LINE("LineString, MultiLineString"), POLYGON("Polygon, MultiPolygon");

        final String accepted;

        Family(String accepted) {
            this.accepted = accepted;
        }
    }

    enum Type { TEXT, INTEGER, NUMBER, BOOLEAN }

    /**
     * A column: its name, the other attribute names a file may use for it (DBF cuts names at 10 characters), type,
     * whether a value is required and unique, the allowed values, the value when absent, and the longest text.
     */
    record Column(String name, List<String> aliases, Type type, boolean required, boolean unique, List<String> allowed,
            Object absent, int maxLength, boolean nonNegative) {
    }

    private static Column text(String name, boolean required, int maxLength) {
        return new Column(name, List.of(), Type.TEXT, required, false, List.of(), null, maxLength, false);
    }

    private static Column unique(String name, int maxLength) {
        return new Column(name, List.of(), Type.TEXT, true, true, List.of(), null, maxLength, false);
    }

    private static Column choice(String name, List<String> aliases, List<String> allowed, Object absent) {
        return new Column(name, aliases, Type.TEXT, false, false, allowed, absent, 32, false);
    }

    private static Column number(String name, List<String> aliases, Type type, Object absent) {
        return new Column(name, aliases, type, false, false, List.of(), absent, 0, false);
    }

    private static Column weight() {
        return new Column("weight", List.of(), Type.NUMBER, false, false, List.of(), 1.0, 0, true);
    }

    static final List<ReferenceLayerSpec> ALL = List.of(
            new ReferenceLayerSpec("townships", "township", "townships.geojson", Family.POLYGON, false,
                    List.of(text("code", true, 16), unique("name", 64), text("name_en", false, 64))),
            new ReferenceLayerSpec("rivers", "river", "rivers.geojson", Family.LINE, true,
                    List.of(text("name", true, 64), text("name_en", false, 64),
                            number("seasonal", List.of(), Type.BOOLEAN, false),
                            choice("yellow_river_basin", List.of("yellow_riv", "yr_basin"),
                                    List.of("main_stem", "tributary"), null))),
            new ReferenceLayerSpec("villages", "village", "villages.geojson", Family.POINT, true,
                    List.of(unique("code", 32), text("name", true, 64), text("township", false, 64),
                            number("population", List.of("populatio"), Type.INTEGER, null),
                            number("cropland_mu", List.of("cropland_m"), Type.NUMBER, null),
                            weight())),
            new ReferenceLayerSpec("sensitive_areas", "sensitive_area", "sensitive_areas.geojson", Family.POLYGON,
                    true, List.of(text("name", true, 128),
                            choice("category", List.of(), List.of("nature_reserve", "drinking_water_source",
                                    "basic_farmland", "scenic_area", "other"), "other"),
                            choice("sensitivity", List.of("sensitivit"), List.of("high", "medium", "low"), "high"))),
            new ReferenceLayerSpec("roads", "road", "roads.geojson", Family.LINE, true,
                    List.of(text("name", true, 64), choice("grade", List.of(), List.of(), "other"))));

    static Optional<ReferenceLayerSpec> byCollection(String collectionId) {
        return ALL.stream().filter(s -> s.collectionId().equals(collectionId)).findFirst();
    }

    /** The INSERT of one row: the columns in order, then the geometry from WKB in EPSG:4326. */
    String insertSql() {
        List<String> names = columns.stream().map(Column::name).toList();
        return "INSERT INTO " + table + " (" + String.join(", ", names) + ", geom) VALUES ("
                + "?, ".repeat(names.size()) + "ST_GeomFromWKB(?, 4326))";
    }

    /**
     * The row values of one feature, in column order, from its attributes (names matched without regard to case,
     * aliases too); refuses a missing required value, a value of the wrong type, an unknown choice or a too long text.
     */
    List<Object> values(Map<String, Object> attributes, long index) {
        Map<String, Object> byName = new HashMap<>();
        attributes.forEach((k, v) -> byName.putIfAbsent(k.toLowerCase(Locale.ROOT), v));
        List<Object> out = new ArrayList<>();
        for (Column c : columns) {
            Object raw = byName.get(c.name());
            for (int i = 0; raw == null && i < c.aliases().size(); i++) {
                raw = byName.get(c.aliases().get(i));
            }
            if (raw instanceof String s && s.isBlank()) {
                raw = null;
            }
            out.add(raw == null ? absent(c, index) : convert(c, raw, index));
        }
        return out;
    }

    private static Object absent(Column c, long index) {
        if (c.required()) {
            throw ReferenceRefusals.attribute(index, c.name(), "attribute_missing", "reference.attribute.missing");
        }
        return c.absent();
    }

    private static Object convert(Column c, Object raw, long index) {
        try {
            return switch (c.type()) {
                case INTEGER -> raw instanceof Number n ? Long.valueOf(Math.round(n.doubleValue()))
                        : Long.valueOf(Long.parseLong(raw.toString().strip()));
                case NUMBER -> nonNegative(c, raw instanceof Number n ? n.doubleValue()
                        : Double.parseDouble(raw.toString().strip()), index);
                case BOOLEAN -> raw instanceof Boolean b ? b : bool(raw.toString());
                case TEXT -> text(c, raw.toString().strip(), index);
            };
        } catch (NumberFormatException e) {
            throw ReferenceRefusals.attribute(index, c.name(), "attribute_not_number", "reference.attribute.not_number",
                    raw);
        }
    }

    private static Double nonNegative(Column c, double v, long index) {
        if (!Double.isFinite(v) || c.nonNegative() && v < 0) {
            throw ReferenceRefusals.attribute(index, c.name(), "attribute_out_of_range", "reference.attribute.out_of_range",
                    v);
        }
        return v;
    }

    private static Boolean bool(String s) {
        return switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "true", "t", "yes", "y", "1", "是" -> Boolean.TRUE;
            case "false", "f", "no", "n", "0", "否" -> Boolean.FALSE;
            default -> throw new NumberFormatException(s);
        };
    }

    private static String text(Column c, String s, long index) {
        if (!c.allowed().isEmpty() && !c.allowed().contains(s)) {
            throw ReferenceRefusals.attribute(index, c.name(), "attribute_value_unknown",
                    "reference.attribute.value_unknown", s, String.join(", ", c.allowed()));
        }
        if (c.maxLength() > 0 && s.length() > c.maxLength()) {
            throw ReferenceRefusals.attribute(index, c.name(), "attribute_too_long",
                    "reference.attribute.too_long", c.maxLength());
        }
        return s;
    }
}
