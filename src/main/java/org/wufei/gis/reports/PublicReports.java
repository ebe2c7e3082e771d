package org.wufei.gis.reports;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.locationtech.jts.geom.Point;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The public_report table: every statement about reports in one place, values always bound. */
@Repository
class PublicReports {
    private final JdbcClient jdbc;

    PublicReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One report as stored (the phone only ever leaves through staff endpoints). */
    record ReportRow(long id, String trackingCode, Instant receivedAt, String description, String phone, String photo,
            Long detectionId) {
    }

    long insert(String code, Instant received, Point where, String description, String phone, String photo) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO public_report (tracking_code, received_at, geom, description, phone, photo)
                VALUES (?, ?, ST_GeomFromText(?, 4326), ?, ?, ?)""")
                .params(code, received.atOffset(ZoneOffset.UTC), where.toText(), description, phone, photo)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void linkDetection(long id, long detectionId) {
        jdbc.sql("UPDATE public_report SET detection_id = ? WHERE id = ?").params(detectionId, id).update();
    }

    Optional<ReportRow> byCode(String code) {
        return jdbc.sql("""
                SELECT id, tracking_code, received_at, description, phone, photo, detection_id FROM public_report
                WHERE tracking_code = ?""").param(code)
                .query((rs, n) -> new ReportRow(rs.getLong("id"), rs.getString("tracking_code"),
                        rs.getObject("received_at", OffsetDateTime.class).toInstant(), rs.getString("description"),
                        rs.getString("phone"), rs.getString("photo"),
                        (Long) rs.getObject("detection_id", Long.class)))
                .optional();
    }
}
