package org.wufei.gis.catalog;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One property of a collection's features: its public name, the SQL column it is read from (an allow-listed
 * identifier, never request text), its value type and, for coded values, the allowed codes.
 */
public record Property(String name, String sqlColumn, Type type, List<String> enumValues, LocalizedText title) {

    /** Value types a property can have; STRING_LIST values are codes joined by commas. */
    public enum Type { STRING, INTEGER, NUMBER, BOOLEAN, TIMESTAMP }

    private static final Pattern SQL_IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)?");

    /** A typed read of one attribute of a JSON column, as the sites module writes it (PostGIS or H2GIS form). */
    private static final Pattern JSON_ATTRIBUTE = Pattern.compile("(COALESCE\\()?(CAST\\()?"
            + "(\\([a-z_]+\\.attributes->>'[a-z][a-z0-9_]*'\\)|SITE_ATTR\\([a-z_]+\\.attributes, '[a-z][a-z0-9_]*'\\))"
            + "( AS (DOUBLE PRECISION|INTEGER|BOOLEAN)\\))?(, FALSE\\))?");

    public Property {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (sqlColumn == null || !SQL_IDENTIFIER.matcher(sqlColumn).matches()
                && !JSON_ATTRIBUTE.matcher(sqlColumn).matches()) {
            throw new IllegalArgumentException("not a plain SQL column: " + sqlColumn);
        }
        enumValues = enumValues == null ? List.of() : List.copyOf(enumValues);
    }
}
