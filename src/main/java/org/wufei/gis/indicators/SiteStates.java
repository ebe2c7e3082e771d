package org.wufei.gis.indicators;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.wufei.gis.indicators.IndicatorDefinition.Clause;

/**
 * The SQL behind the indicators: the register's sites as they are now, or as they were at a moment replayed from
 * the append-only {@code status_event} (a site's status then is the {@code to_status} of its last CREATED or
 * TRANSITION event at or before that moment; sites deleted by then are left out), tallied or listed.
 */
@Component
class SiteStates {
    static final int MAX_SITES = 5000;

    private static final String NOW = """
            SELECT s.id, s.code, s.name, s.kind, s.status, s.township, s.area_m2, s.deadline, s.geom
            FROM site s WHERE s.deleted_at IS NULL""";
    private static final String REPLAYED = """
            SELECT s.id, s.code, s.name, s.kind, h.to_status AS status, s.township, s.area_m2, s.deadline, s.geom
            FROM site s
            JOIN (SELECT e.site_id, e.to_status,
                         ROW_NUMBER() OVER (PARTITION BY e.site_id ORDER BY e.at DESC, e.id DESC) AS rn
                  FROM status_event e
                  WHERE e.event_type IN ('CREATED', 'TRANSITION') AND e.at < :end) h
              ON h.site_id = s.id AND h.rn = 1
            WHERE s.deleted_at IS NULL OR s.deleted_at >= :end""";

    private final JdbcClient jdbc;

    SiteStates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** When and where: {@code end} null means now; {@code day} is the date deadlines are compared with. */
    record Moment(OffsetDateTime end, LocalDate day, String township) {
    }

    /** Per kind and status: how many sites, their area and how many are past their deadline. */
    record Cell(String kind, String status, long sites, double areaM2, long overdue) {
    }

    record SiteRow(long id, String code, String name, String kind, String status, String township,
            LocalDate deadline, double lon, double lat) {
    }

    List<Cell> tally(Moment m) {
        Map<String, Object> params = params(m);
        String sql = "SELECT st.kind, st.status, COUNT(*) AS n, COALESCE(SUM(st.area_m2), 0) AS area, "
                + "SUM(CASE WHEN st.deadline < :day THEN 1 ELSE 0 END) AS overdue FROM (" + state(m) + ") st"
                + township(m) + " GROUP BY st.kind, st.status";
        return jdbc.sql(sql).params(params).query((rs, n) -> new Cell(rs.getString("kind"), rs.getString("status"),
                rs.getLong("n"), rs.getDouble("area"), rs.getLong("overdue"))).list();
    }

    List<SiteRow> sites(Moment m, List<Clause> selection) {
        Map<String, Object> params = params(m);
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < selection.size(); i++) {
            Clause c = selection.get(i);
            parts.add("(st.kind IN (:k" + i + ") AND st.status IN (:s" + i + ")"
                    + (c.overdue() ? " AND st.deadline < :day" : "") + ")");
            params.put("k" + i, c.kind());
            params.put("s" + i, c.status());
        }
        String where = township(m);
        String sql = "SELECT st.id, st.code, st.name, st.kind, st.status, st.township, st.deadline, "
                + "ST_X(ST_PointOnSurface(st.geom)) AS lon, ST_Y(ST_PointOnSurface(st.geom)) AS lat FROM ("
                + state(m) + ") st" + where + (where.isEmpty() ? " WHERE (" : " AND (") + String.join(" OR ", parts)
                + ") ORDER BY st.id LIMIT " + MAX_SITES;
        return jdbc.sql(sql).params(params).query((rs, n) -> new SiteRow(rs.getLong("id"), rs.getString("code"),
                rs.getString("name"), rs.getString("kind"), rs.getString("status"), rs.getString("township"),
                rs.getObject("deadline", LocalDate.class), rs.getDouble("lon"), rs.getDouble("lat"))).list();
    }

    /** The earliest history event, where the monthly series starts; null on an empty register. */
    OffsetDateTime firstEvent() {
        return jdbc.sql("SELECT MIN(at) FROM status_event").query(OffsetDateTime.class).optional().orElse(null);
    }

    /**
     * Changes whenever a site or its history changes (every transition, attribute change, creation and deletion
     * appends an event; a geometry edit moves updated_at): the key of every cached value. Two index look-ups.
     */
    String dataVersion() {
        return jdbc.sql("SELECT (SELECT MAX(id) FROM status_event) AS e, (SELECT MAX(updated_at) FROM site) AS u")
                .query((rs, n) -> rs.getLong("e") + "/" + rs.getString("u")).single();
    }

    private static String state(Moment m) {
        return m.end() == null ? NOW : REPLAYED;
    }

    private static Map<String, Object> params(Moment m) {
        Map<String, Object> params = new HashMap<>();
        params.put("day", m.day());
        if (m.end() != null) {
            params.put("end", m.end());
        }
        if (m.township() != null) {
            params.put("township", m.township());
        }
        return params;
    }

    private static String township(Moment m) {
        return m.township() == null ? "" : " WHERE st.township = :township";
    }
}
