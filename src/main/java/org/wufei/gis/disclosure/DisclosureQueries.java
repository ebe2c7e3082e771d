package org.wufei.gis.disclosure;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.wufei.gis.common.PublicProjection;

/** The SQL behind the disclosure page: sign-off events in a period and the open sites, values bound. */
@Component
class DisclosureQueries {
    static final int MAX_ROWS = 5000;

    private final JdbcClient jdbc;
    private final PublicProjection projection;

    DisclosureQueries(JdbcClient jdbc, PublicProjection projection) {
        this.jdbc = jdbc;
        this.projection = projection;
    }

    /** A site signed off in the period: what it was when registered and when and how it was signed off. */
    record SignedOff(long id, String code, String name, String kind, String township, Double areaM2,
            String currentStatus, String signedOffStatus, Instant registeredAt, String registeredStatus,
            Instant signedOffAt, String rectificationMode, String publicNote, double lon, double lat) {
    }

    /** A site confirmed and not yet signed off. */
    record Open(long id, String code, String name, String kind, String township, String status, LocalDate deadline,
            double lon, double lat) {
    }

    List<SignedOff> signedOff(Instant from, Instant to, String township) {
        List<Object> params = new ArrayList<>(List.of(from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC)));
        String statuses = statusCondition("e.to_status", true, params);
        String sql = """
                SELECT s.id, s.code, s.name, s.kind, s.township, s.area_m2, s.status, e.to_status, e.at,
                       e.rectification_mode, e.public_note, c.at AS registered_at, c.to_status AS registered_status,
                       ST_X(ST_PointOnSurface(s.geom)) AS lon, ST_Y(ST_PointOnSurface(s.geom)) AS lat
                FROM status_event e
                JOIN site s ON s.id = e.site_id
                LEFT JOIN status_event c ON c.site_id = s.id AND c.event_type = 'CREATED'
                WHERE e.event_type = 'TRANSITION' AND s.deleted_at IS NULL AND e.at >= ? AND e.at < ?
                """ + " AND (" + statuses + ")" + township(township, "s", params)
                + " ORDER BY e.at, s.id LIMIT " + MAX_ROWS;
        return jdbc.sql(sql).params(params).query((rs, n) -> new SignedOff(rs.getLong("id"), rs.getString("code"),
                rs.getString("name"), rs.getString("kind"), rs.getString("township"),
                rs.getObject("area_m2", Double.class), rs.getString("status"), rs.getString("to_status"),
                instant(rs.getObject("registered_at", OffsetDateTime.class)), rs.getString("registered_status"),
                instant(rs.getObject("at", OffsetDateTime.class)), rs.getString("rectification_mode"),
                rs.getString("public_note"), rs.getDouble("lon"), rs.getDouble("lat"))).list();
    }

    List<Open> open(String township) {
        List<Object> params = new ArrayList<>();
        String statuses = statusCondition("s.status", false, params);
        String sql = """
                SELECT s.id, s.code, s.name, s.kind, s.township, s.status, s.deadline,
                       ST_X(ST_PointOnSurface(s.geom)) AS lon, ST_Y(ST_PointOnSurface(s.geom)) AS lat
                FROM site s WHERE s.deleted_at IS NULL""" + " AND (" + statuses + ")"
                + township(township, "s", params) + " ORDER BY s.township, s.kind, s.code LIMIT " + MAX_ROWS;
        return jdbc.sql(sql).params(params).query((rs, n) -> new Open(rs.getLong("id"), rs.getString("code"),
                rs.getString("name"), rs.getString("kind"), rs.getString("township"), rs.getString("status"),
                rs.getObject("deadline", LocalDate.class), rs.getDouble("lon"), rs.getDouble("lat"))).list();
    }

    /** (kind = ? AND column IN (?, …)) OR … over the kinds whose policy names such statuses; 1 = 0 for none. */
    private String statusCondition(String column, boolean signedOff, List<Object> params) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, PublicProjection.KindPolicy> e : projection.kinds().entrySet()) {
            List<String> statuses = signedOff ? e.getValue().signedOff() : e.getValue().open();
            if (statuses.isEmpty()) {
                continue;
            }
            parts.add("(s.kind = ? AND " + column + " IN (" + String.join(", ",
                    statuses.stream().map(x -> "?").toList()) + "))");
            params.add(e.getKey());
            params.addAll(statuses);
        }
        return parts.isEmpty() ? "1 = 0" : String.join(" OR ", parts);
    }

    private static String township(String township, String alias, List<Object> params) {
        if (township == null) {
            return "";
        }
        params.add(township);
        return " AND " + alias + ".township = ?";
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
