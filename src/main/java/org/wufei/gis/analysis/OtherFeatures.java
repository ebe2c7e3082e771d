package org.wufei.gis.analysis;

import java.util.List;

/**
 * A set of features a process measures against ("the other side": a reference layer, or a collection filtered by
 * CQL2), as SQL built by the collection's owner from allow-listed names, with bound values.
 *
 * @param collection the collection id, reported with each nearest feature
 * @param fromSql FROM clause body
 * @param idSql the expression giving each feature's id
 * @param labelSql the expression giving a name people read (or the id again)
 * @param geomSql the geometry column (EPSG:4326, lon/lat)
 * @param whereSql a condition (never null; {@code 1 = 1} for all)
 * @param params values bound to the placeholders of {@code whereSql}
 * @param siteIds whether the ids are site ids (a site is then never its own nearest feature)
 */
public record OtherFeatures(String collection, String fromSql, String idSql, String labelSql, String geomSql,
        String whereSql, List<Object> params, boolean siteIds) {

    public OtherFeatures {
        params = List.copyOf(params);
    }
}
