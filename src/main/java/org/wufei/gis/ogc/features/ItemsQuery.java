package org.wufei.gis.ogc.features;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.wufei.gis.catalog.ItemsRequest;
import org.wufei.gis.crs.OgcCrsUri;
import org.wufei.gis.ogc.filter.PropertySelection;
import org.wufei.gis.ogc.filter.SortBy;
import org.wufei.gis.ogc.filter.SqlFilter;

/**
 * A checked {@code /items} request: every parameter parsed once into typed values; after this record nothing
 * reads the raw query string except the paging links, which repeat it.
 *
 * @param boxes storage boxes from bbox/bbox-crs (empty: no bbox)
 * @param condition the filter, datetime and property=value conditions, as SQL with bound values
 * @param crs the output CRS
 * @param params the request's parameters as given, for next/prev links
 */
record ItemsQuery(List<Envelope> boxes, SqlFilter condition, OgcCrsUri crs, SortBy sortBy,
        PropertySelection properties, boolean skipGeometry, int limit, long offset, Map<String, String> params) {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 10_000;

    ItemsQuery {
        boxes = List.copyOf(boxes);
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
    }

    ItemsRequest toRequest() {
        return new ItemsRequest(boxes, condition.whereSql(), condition.params(), sortBy.orderBySql(), limit, offset,
                new ArrayList<>(properties.names()), !skipGeometry);
    }
}
