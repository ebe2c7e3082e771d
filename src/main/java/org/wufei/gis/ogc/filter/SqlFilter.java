package org.wufei.gis.ogc.filter;

import java.util.List;

/**
 * A WHERE-clause fragment with JDBC {@code ?} placeholders and the values to bind to them, in order.
 *
 * <p>The fragment holds only allow-listed column names, operators and placeholders; every request value is in
 * {@code params}.
 */
public record SqlFilter(String whereSql, List<Object> params) {

    public SqlFilter {
        // List.copyOf rejects nulls; a null can never be a valid bound filter value (IS NULL has no parameter).
        params = List.copyOf(params);
    }

    public static SqlFilter of(String whereSql, Object... params) {
        return new SqlFilter(whereSql, List.of(params));
    }
}
