package org.wufei.gis.detections;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wufei.gis.common.DatabaseKind;

/**
 * The detection table: every statement about stored detections in one place, values always bound. A run writes its
 * rows through a {@link DetectionWriter}.
 */
@Repository
public class Detections {
    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    /** The columns a run writes, in the order of {@link NewDetection#values(long)}. */
    static final String STORED = """
            batch_id, feature_index, layer, source, acquired, confidence, name, category, area_m2, note, attributes,
            geom, triage, matched_site_id, red_flag, repaired""";
    private static final String COLUMNS = """
            d.id, d.batch_id, d.feature_index, d.layer, d.source, d.acquired, d.confidence, d.name, d.category,
            d.area_m2, d.note, d.attributes, ST_AsBinary(d.geom) AS wkb, d.triage, d.matched_site_id, d.red_flag,
            d.repaired, d.promoted_site_id, u.duplicate_of, x.dismissed_at""";
    /** A detection with its place in the queue: the open entry it duplicates, its dismissal. */
    private static final String FROM = """
             FROM detection d
            LEFT JOIN detection_duplicate u ON u.batch_id = d.batch_id AND u.feature_index = d.feature_index
            LEFT JOIN detection_dismissal x ON x.detection_id = d.id""";

    private final JdbcClient jdbc;
    private final DatabaseKind kind;

    Detections(JdbcClient jdbc, DatabaseKind kind) {
        this.jdbc = jdbc;
        this.kind = kind;
    }

    /** One stored detection. */
    public record DetectionRow(long id, long batchId, long featureIndex, String layer, String source, LocalDate acquired,
            Double confidence, String name, String category, Double areaM2, String note, String attributesJson,
            Geometry geometry, String triage, Long matchedSiteId, boolean redFlag, boolean repaired,
            Long promotedSiteId, Long duplicateOf, boolean dismissed) {
    }

    /** One report of a queue entry: the detection, and the batch, source, date and file it came with. */
    public record Report(long detectionId, long batchId, String source, LocalDate acquired, String fileName,
            java.time.OffsetDateTime uploaded) {
    }

    Optional<DetectionRow> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE d.id = ?").param(id)
                .query(Detections::row).optional();
    }

    public List<DetectionRow> ofBatch(long batchId, String triage, int offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + FROM
                + " WHERE d.batch_id = ? AND (CAST(? AS VARCHAR(16)) IS NULL OR d.triage = ?)"
                + " ORDER BY d.id LIMIT ? OFFSET ?").params(batchId, triage, triage, limit, offset)
                .query(Detections::row).list();
    }

    public long countOfBatch(long batchId) {
        return jdbc.sql("SELECT COUNT(*) FROM detection WHERE batch_id = ?").param(batchId).query(Long.class).single();
    }

    List<Long> newOfBatch(long batchId) {
        return jdbc.sql("SELECT id FROM detection WHERE batch_id = ? AND triage = 'new' AND promoted_site_id IS NULL"
                + " ORDER BY id").param(batchId).query(Long.class).list();
    }

    public long promotedOfBatch(long batchId) {
        return jdbc.sql("SELECT COUNT(*) FROM detection WHERE batch_id = ? AND promoted_site_id IS NOT NULL")
                .param(batchId).query(Long.class).single();
    }

    /** Marks a detection promoted unless another request already did; true when this call did it. */
    boolean markPromoted(long id, long siteId) {
        return jdbc.sql("UPDATE detection SET promoted_site_id = ? WHERE id = ? AND promoted_site_id IS NULL")
                .params(siteId, id).update() == 1;
    }

    /**
     * Every report of the queue entry a detection belongs to (the entry itself first, then its duplicates in the
     * order they came), with batch, source, date and file.
     */
    public List<Report> reports(long headId) {
        return jdbc.sql("""
                SELECT d.id, d.batch_id, d.source, d.acquired, b.file_name, b.created_at FROM detection d
                JOIN import_batch b ON b.id = d.batch_id
                LEFT JOIN detection_duplicate u ON u.batch_id = d.batch_id AND u.feature_index = d.feature_index
                WHERE d.id = ? OR u.duplicate_of = ? ORDER BY CASE WHEN d.id = ? THEN 0 ELSE 1 END, d.id""")
                .params(headId, headId, headId).query((rs, n) -> new Report(rs.getLong(1), rs.getLong(2),
                        rs.getString(3), rs.getObject(4, LocalDate.class), rs.getString(5),
                        rs.getObject(6, java.time.OffsetDateTime.class))).list();
    }

    /** The ids of an entry's duplicates. */
    List<Long> duplicatesOf(long headId) {
        return jdbc.sql("""
                SELECT d.id FROM detection d JOIN detection_duplicate u
                  ON u.batch_id = d.batch_id AND u.feature_index = d.feature_index
                WHERE u.duplicate_of = ? ORDER BY d.id""").param(headId).query(Long.class).list();
    }

    /** Marks an entry's duplicates as promoted to the entry's site. */
    void markDuplicatesPromoted(long headId, long siteId) {
        for (long id : duplicatesOf(headId)) {
            markPromoted(id, siteId);
        }
    }

    /** Dismisses the detections not yet dismissed; the ids dismissed now. */
    List<Long> dismiss(List<Long> ids, String actor, java.time.Instant at, String note) {
        List<Long> done = new java.util.ArrayList<>();
        for (long id : ids) {
            boolean already = jdbc.sql("SELECT COUNT(*) FROM detection_dismissal WHERE detection_id = ?").param(id)
                    .query(Long.class).single() > 0;
            if (!already) {
                jdbc.sql("INSERT INTO detection_dismissal (detection_id, dismissed_at, dismissed_by, note)"
                        + " VALUES (?, ?, ?, ?)").params(id, at.atOffset(java.time.ZoneOffset.UTC), actor, note)
                        .update();
                done.add(id);
            }
        }
        return done;
    }

    /** The lon/lat box of a batch's detections, or null when it has none. */
    public org.locationtech.jts.geom.Envelope boundsOfBatch(long batchId) {
        return jdbc.sql("""
                SELECT MIN(ST_XMin(geom)), MAX(ST_XMax(geom)), MIN(ST_YMin(geom)), MAX(ST_YMax(geom))
                FROM detection WHERE batch_id = ?""").param(batchId).query((rs, n) -> rs.getObject(1) == null ? null
                : new org.locationtech.jts.geom.Envelope(rs.getDouble(1), rs.getDouble(2), rs.getDouble(3),
                        rs.getDouble(4))).optional().orElse(null);
    }

    /** Removes a batch's detections; on PostGIS a batch with a partition of its own loses the partition. */
    public void deleteBatch(long batchId) {
        // later reports of this batch's entries open entries of their own again
        jdbc.sql("""
                DELETE FROM detection_duplicate WHERE duplicate_of IN (SELECT id FROM detection WHERE batch_id = ?)""")
                .param(batchId).update();
        jdbc.sql("DELETE FROM detection_duplicate WHERE batch_id = ?").param(batchId).update();
        jdbc.sql("DELETE FROM detection_dismissal WHERE detection_id IN (SELECT id FROM detection WHERE batch_id = ?)")
                .param(batchId).update();
        if (kind == DatabaseKind.POSTGIS && jdbc.sql("SELECT to_regclass(?) IS NOT NULL")
                .param(CopyDetectionWriter.partition(batchId)).query(Boolean.class).single()) {
            jdbc.sql("DROP TABLE " + CopyDetectionWriter.partition(batchId)).update();
        } else {
            jdbc.sql("DELETE FROM detection WHERE batch_id = ?").param(batchId).update();
        }
    }

    /** The name of the township whose boundary holds the point, if any. */
    Optional<String> townshipAt(double lon, double lat) {
        return jdbc.sql("""
                SELECT name FROM township WHERE geom && ST_MakeEnvelope(?, ?, ?, ?, 4326)
                  AND ST_Contains(geom, ST_SetSRID(ST_MakePoint(?, ?), 4326))""")
                .params(lon, lat, lon, lat, lon, lat).query(String.class).optional();
    }

    private static DetectionRow row(ResultSet rs, int n) throws SQLException {
        Geometry g;
        try {
            g = new WKBReader(WGS84).read(rs.getBytes("wkb"));
        } catch (ParseException e) {
            throw new IllegalStateException("Unreadable detection geometry " + rs.getLong("id"), e);
        }
        return new DetectionRow(rs.getLong("id"), rs.getLong("batch_id"), rs.getLong("feature_index"),
                rs.getString("layer"), rs.getString("source"), rs.getObject("acquired", LocalDate.class),
                rs.getObject("confidence", Double.class), rs.getString("name"), rs.getString("category"),
                rs.getObject("area_m2", Double.class), rs.getString("note"), rs.getString("attributes"), g,
                rs.getString("triage"), rs.getObject("matched_site_id", Long.class), rs.getBoolean("red_flag"),
                rs.getBoolean("repaired"), rs.getObject("promoted_site_id", Long.class),
                rs.getObject("duplicate_of", Long.class), rs.getObject("dismissed_at") != null);
    }
}
