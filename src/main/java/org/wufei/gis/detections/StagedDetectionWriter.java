package org.wufei.gis.detections;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wufei.gis.triage.Triage;

/**
 * H2GIS: a batch's rows go to detection_staging (no spatial index) in JDBC batches and are moved into the detection
 * table with one INSERT … SELECT at the end. H2 2.4 cannot reopen a database killed while uncommitted rows of a
 * spatially indexed table were in its undo log, so the spatially indexed insert is kept to that one statement.
 */
final class StagedDetectionWriter implements DetectionWriter<NewDetection> {
    private static final int INSERT_BATCH = 2000;
    private static final String INSERT = "INSERT INTO detection_staging (" + Detections.STORED + ") VALUES ("
            + String.join(", ", NewDetection.COLUMNS.stream()
                    .map(c -> c.equals("geom") ? "ST_GeomFromWKB(?, 4326)" : "?").toList()) + ")";

    private final long batchId;
    private final JdbcTemplate jdbc;
    private final List<Object[]> buffer = new ArrayList<>();
    private final WKBWriter wkb = new WKBWriter(2);

    StagedDetectionWriter(long batchId, JdbcTemplate jdbc) {
        this.batchId = batchId;
        this.jdbc = jdbc;
    }

    @Override
    public NewDetection prepare(NewDetection detection) {
        return detection;
    }

    @Override
    public void add(NewDetection detection, Triage.Verdict verdict) {
        buffer.add(detection.values(batchId, verdict));
        if (buffer.size() >= INSERT_BATCH) {
            flush();
        }
    }

    @Override
    public void complete() {
        flush();
        jdbc.update("INSERT INTO detection (" + Detections.STORED + ") SELECT " + Detections.STORED
                + " FROM detection_staging WHERE batch_id = ? ORDER BY id", batchId);
        jdbc.update("DELETE FROM detection_staging WHERE batch_id = ?", batchId);
    }

    private void flush() {
        if (!buffer.isEmpty()) {
            jdbc.batchUpdate(INSERT, buffer, buffer.size(), this::set);
            buffer.clear();
        }
    }

    private void set(PreparedStatement ps, Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v == null) {
                ps.setNull(i + 1, Types.NULL);
            } else if (v instanceof Geometry g) {
                ps.setBytes(i + 1, wkb.write(g));
            } else {
                ps.setObject(i + 1, v);
            }
        }
    }

    @Override
    public void close() {
        buffer.clear();
    }
}
