package org.wufei.gis.inspections;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The inspection and inspection_photo tables: all their SQL, values always bound. */
@Repository
class Inspections {
    private final JdbcClient jdbc;

    Inspections(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Row(String id, long siteId, String inspector, String note, String checklist, Double lat, Double lon,
            Double accuracyM, Double distanceM, Instant observedAt, String requestedStatus, String transitionResult,
            Instant createdAt) {
    }

    record PhotoRow(long id, String inspectionId, int seq, String originalName, String format, int width,
            int height, long sizeBytes, Double exifLat, Double exifLon, Instant exifTime, String storedPath) {
    }

    void insert(Row r) {
        jdbc.sql("""
                INSERT INTO inspection (id, site_id, inspector, note, checklist, lat, lon, accuracy_m, distance_m,
                    observed_at, requested_status, transition_result, created_at)
                VALUES (:id, :site, :inspector, :note, :checklist, :lat, :lon, :acc, :dist, :observed, :requested,
                    NULL, :created)""")
                .param("id", r.id()).param("site", r.siteId()).param("inspector", r.inspector())
                .param("note", r.note()).param("checklist", r.checklist()).param("lat", r.lat())
                .param("lon", r.lon()).param("acc", r.accuracyM()).param("dist", r.distanceM())
                .param("observed", ts(r.observedAt())).param("requested", r.requestedStatus())
                .param("created", ts(r.createdAt()))
                .update();
    }

    void insertPhoto(PhotoRow p) {
        jdbc.sql("""
                INSERT INTO inspection_photo (inspection_id, seq, original_name, format, width, height, size_bytes,
                    exif_lat, exif_lon, exif_time, stored_path)
                VALUES (:inspection, :seq, :name, :format, :w, :h, :size, :lat, :lon, :time, :path)""")
                .param("inspection", p.inspectionId()).param("seq", p.seq()).param("name", p.originalName())
                .param("format", p.format()).param("w", p.width()).param("h", p.height())
                .param("size", p.sizeBytes()).param("lat", p.exifLat()).param("lon", p.exifLon())
                .param("time", ts(p.exifTime())).param("path", p.storedPath())
                .update();
    }

    void recordTransitionResult(String id, String result) {
        jdbc.sql("UPDATE inspection SET transition_result = :r WHERE id = :id")
                .param("r", result).param("id", id).update();
    }

    Optional<Row> find(String id) {
        return jdbc.sql("SELECT * FROM inspection WHERE id = :id").param("id", id).query(Inspections::row)
                .optional();
    }

    List<Row> ofSite(long siteId) {
        return jdbc.sql("SELECT * FROM inspection WHERE site_id = :site ORDER BY created_at DESC, id")
                .param("site", siteId).query(Inspections::row).list();
    }

    List<PhotoRow> photos(List<String> inspectionIds) {
        if (inspectionIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM inspection_photo WHERE inspection_id IN (:ids) ORDER BY inspection_id, seq")
                .param("ids", inspectionIds).query(Inspections::photo).list();
    }

    Optional<PhotoRow> photo(String inspectionId, int seq) {
        return jdbc.sql("SELECT * FROM inspection_photo WHERE inspection_id = :id AND seq = :seq")
                .param("id", inspectionId).param("seq", seq).query(Inspections::photo).optional();
    }

    private static Row row(ResultSet rs, int i) throws SQLException {
        return new Row(rs.getString("id"), rs.getLong("site_id"), rs.getString("inspector"), rs.getString("note"),
                rs.getString("checklist"), dbl(rs, "lat"), dbl(rs, "lon"), dbl(rs, "accuracy_m"),
                dbl(rs, "distance_m"), instant(rs, "observed_at"), rs.getString("requested_status"),
                rs.getString("transition_result"), instant(rs, "created_at"));
    }

    private static PhotoRow photo(ResultSet rs, int i) throws SQLException {
        return new PhotoRow(rs.getLong("id"), rs.getString("inspection_id"), rs.getInt("seq"),
                rs.getString("original_name"), rs.getString("format"), rs.getInt("width"), rs.getInt("height"),
                rs.getLong("size_bytes"), dbl(rs, "exif_lat"), dbl(rs, "exif_lon"), instant(rs, "exif_time"),
                rs.getString("stored_path"));
    }

    private static Double dbl(ResultSet rs, String col) throws SQLException {
        double v = rs.getDouble(col);
        return rs.wasNull() ? null : v;
    }

    private static Instant instant(ResultSet rs, String col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime ts(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }
}
