package org.wufei.gis.catalog;

import java.util.List;
import org.locationtech.jts.geom.Envelope;

/**
 * A checked items query in SQL terms: boxes in the storage CRS (two when a box crosses the antimeridian), an
 * extra condition from allow-listed columns with bound values, ordering, paging and the properties to read.
 *
 * @param boxes rows must intersect one of these boxes; empty means no spatial restriction
 * @param whereSql an additional condition with {@code ?} placeholders, or null
 * @param params values for the placeholders of {@code whereSql}
 * @param orderBySql ORDER BY keys from allow-listed columns, or empty; the id is always the final tie-breaker
 * @param properties names of the properties to read (a subset of the collection's)
 * @param withGeometry false to skip reading geometries
 */
public record ItemsRequest(List<Envelope> boxes, String whereSql, List<Object> params, String orderBySql, int limit,
        long offset, List<String> properties, boolean withGeometry) {

    public ItemsRequest {
        boxes = List.copyOf(boxes);
        params = List.copyOf(params);
        properties = List.copyOf(properties);
        orderBySql = orderBySql == null ? "" : orderBySql;
    }
}
