package org.wufei.gis.catalog;

import java.util.List;
import java.util.Map;

/**
 * What a vector tile of a collection reads: table, geometry, id and the property columns every tile feature
 * carries (name to allow-listed SQL column), and a fixed condition with its bound values.
 */
public record TileSpec(String fromSql, String geometryColumn, String idColumn, Map<String, String> propertyColumns,
        String whereSql, List<Object> params) {

    public TileSpec {
        propertyColumns = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(propertyColumns));
        params = params == null ? List.of() : List.copyOf(params);
    }
}
