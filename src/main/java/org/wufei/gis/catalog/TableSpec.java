package org.wufei.gis.catalog;

import java.util.List;
import java.util.Optional;

/**
 * Where a collection's features live in SQL: built once per collection at start-up from allow-listed names.
 *
 * @param fromSql the FROM clause body, e.g. {@code site s JOIN waste_heap k ON k.site_id = s.id}
 * @param idColumn the primary-key column that is the feature id
 * @param geometryColumn the geometry column (storage SRID, lon/lat order, spatially indexed)
 * @param properties every property, in the order features list them
 * @param fixedWhere a condition every row of the collection meets (e.g. {@code s.deleted_at IS NULL}), or null
 * @param fixedParams values bound to the placeholders of {@code fixedWhere}
 * @param temporalColumn the column {@code datetime} is matched against, or null when features have no time
 * @param versionColumn the optimistic-lock version (the ETag of a feature), or null for read-only layers
 */
public record TableSpec(String fromSql, String idColumn, String geometryColumn, List<Property> properties,
        String fixedWhere, List<Object> fixedParams, String temporalColumn, String versionColumn) {

    public TableSpec {
        properties = List.copyOf(properties);
        fixedParams = fixedParams == null ? List.of() : List.copyOf(fixedParams);
    }

    public Optional<Property> property(String name) {
        return properties.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
