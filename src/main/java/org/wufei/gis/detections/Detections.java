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
            id, batch_id, feature_index, layer, source, acquired, confidence, name, category, area_m2, note,
            attributes, ST_AsBinary(geom) AS wkb, triage, matched_site_id, red_flag, repaired, promoted_site_id""";

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
            Long promotedSiteId) {
    }

    Optional<DetectionRow> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM detection WHERE id = ?").param(id)
                .query(Detections::row).optional();
    }

    public List<DetectionRow> ofBatch(long batchId, String triage, int offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM detection WHERE batch_id = ? AND (CAST(? AS VARCHAR(16)) IS NULL OR triage = ?)"
                + " ORDER BY id LIMIT ? OFFSET ?").params(batchId, triage, triage, limit, offset)
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
                rs.getBoolean("repaired"), rs.getObject("promoted_site_id", Long.class));
    }
}
