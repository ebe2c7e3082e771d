package org.wufei.gis.sites;

import org.wufei.gis.common.DatabaseKind;

/**
 * The SQL expression that reads one attribute out of {@code site.attributes}, typed, so that CQL2 filters, sorting,
 * property selection and processes run on attributes in the database: {@code ->>} on PostGIS (jsonb), the
 * {@code SITE_ATTR} function (migration V40) on H2GIS. Names come from checked definitions, never from requests.
 */
public final class AttributeSql {

    private AttributeSql() {
    }

    /** The attribute as text (null when absent), from the site table under {@code alias}. */
    public static String text(DatabaseKind database, String alias, String name) {
        return database == DatabaseKind.POSTGIS ? "(" + alias + ".attributes->>'" + name + "')"
                : "SITE_ATTR(" + alias + ".attributes, '" + name + "')";
    }

    /** The attribute in its SQL type (booleans false when absent), from {@code s.attributes}. */
    public static String column(DatabaseKind database, AttributeDef def) {
        String text = text(database, "s", def.name());
        return switch (def.type()) {
            case STRING, STRING_LIST -> text;
            case NUMBER -> "CAST(" + text + " AS DOUBLE PRECISION)";
            case INTEGER -> "CAST(" + text + " AS INTEGER)";
            case BOOLEAN -> "COALESCE(CAST(" + text + " AS BOOLEAN), FALSE)";
        };
    }
}
