package org.wufei.gis.ogc.filter;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One property that clients may filter, sort or select on, and the SQL column it maps to.
 *
 * @param name the public property name used in filters and in /queryables
 * @param sqlColumn the column (or alias-qualified column) written into SQL; never taken from a request
 * @param type the value type, which decides how literals are checked and bound
 * @param enumValues allowed values for a STRING property, or empty when any string is allowed
 */
public record Queryable(String name, String sqlColumn, Type type, List<String> enumValues) {

    /** Value types known to the translator. */
    public enum Type { STRING, INTEGER, NUMBER, BOOLEAN, DATE, TIMESTAMP, GEOMETRY }

    // Defence in depth: even a misconfigured allow-list cannot put arbitrary text into SQL.
    private static final Pattern SQL_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

    /** A typed read of one attribute of a JSON column, as the sites module writes it (PostGIS or H2GIS form). */
    private static final Pattern JSON_ATTRIBUTE = Pattern.compile("(COALESCE\\()?(CAST\\()?"
            + "(\\([a-z_]+\\.attributes->>'[a-z][a-z0-9_]*'\\)|SITE_ATTR\\([a-z_]+\\.attributes, '[a-z][a-z0-9_]*'\\))"
            + "( AS (DOUBLE PRECISION|INTEGER|BOOLEAN)\\))?(, FALSE\\))?");

    public Queryable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (sqlColumn == null || !SQL_IDENTIFIER.matcher(sqlColumn).matches()
                && !JSON_ATTRIBUTE.matcher(sqlColumn).matches()) {
            throw new IllegalArgumentException("not a plain SQL column name: " + sqlColumn);
        }
        enumValues = enumValues == null ? List.of() : List.copyOf(enumValues);
    }

    public Queryable(String name, String sqlColumn, Type type) {
        this(name, sqlColumn, type, List.of());
    }

    public static Queryable of(String name, Type type) {
        return new Queryable(name, name, type, List.of());
    }

    public boolean isTemporal() {
        return type == Type.DATE || type == Type.TIMESTAMP;
    }

    public boolean isNumeric() {
        return type == Type.INTEGER || type == Type.NUMBER;
    }
}
