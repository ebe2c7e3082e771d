package org.wufei.gis.sites.web;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.wufei.gis.sites.SiteKind;

/** Read-side SQL of the site register: the filtered, paged list. Values are always bound. */
@Component
class SiteQueries {
    private static final String COLUMNS = """
            SELECT id, code, name, kind, status, township, area_m2, deadline, updated_at,
                   ST_X(ST_PointOnSurface(geom)) AS lon, ST_Y(ST_PointOnSurface(geom)) AS lat
            FROM site""";

    private final JdbcClient jdbc;

    SiteQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Filter(SiteKind kind, String status, String township, double[] bbox) {
    }

    record Row(long id, String code, String name, String kind, String status, String township, Double areaM2,
            java.time.LocalDate deadline, OffsetDateTime updatedAt, double lon, double lat) {
    }

    List<Row> page(Filter f, int page, int size) {
        List<Object> params = new ArrayList<>();
        String sql = COLUMNS + where(f, params) + " ORDER BY id LIMIT ? OFFSET ?";
        params.add(size);
        params.add((long) page * size);
        return jdbc.sql(sql).params(params).query((rs, n) -> new Row(
                rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("kind"),
                rs.getString("status"), rs.getString("township"), (Double) rs.getObject("area_m2", Double.class),
                rs.getObject("deadline", java.time.LocalDate.class),
                rs.getObject("updated_at", OffsetDateTime.class), rs.getDouble("lon"), rs.getDouble("lat"))).list();
    }

    long count(Filter f) {
        List<Object> params = new ArrayList<>();
        return jdbc.sql("SELECT COUNT(*) FROM site" + where(f, params)).params(params).query(Long.class).single();
    }

    private static String where(Filter f, List<Object> params) {
        StringBuilder sql = new StringBuilder(" WHERE deleted_at IS NULL");
        if (f.kind() != null) {
            sql.append(" AND kind = ?");
            params.add(f.kind().id());
        }
        if (f.status() != null) {
            sql.append(" AND status = ?");
            params.add(f.status());
        }
        if (f.township() != null) {
            sql.append(" AND township = ?");
            params.add(f.township());
        }
        if (f.bbox() != null) {
            sql.append(" AND geom && ST_MakeEnvelope(?, ?, ?, ?, 4326)"
                    + " AND ST_Intersects(geom, ST_MakeEnvelope(?, ?, ?, ?, 4326))");
            for (int i = 0; i < 2; i++) {
                for (double d : f.bbox()) {
                    params.add(d);
                }
            }
        }
        return sql.toString();
    }
}
