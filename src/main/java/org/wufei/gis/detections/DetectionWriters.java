package org.wufei.gis.detections;

import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.wufei.gis.common.DatabaseKind;

/** Opens the detection writer that suits the database: COPY on PostGIS, staged JDBC batches on H2GIS. */
@Component
public class DetectionWriters {
    private final DatabaseKind kind;
    private final DataSource dataSource;
    private final JdbcTemplate jdbc;

    DetectionWriters(DatabaseKind kind, DataSource dataSource, JdbcTemplate jdbc) {
        this.kind = kind;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /**
     * A writer for one run; call inside the batch's transaction, whose connection it writes through. On PostGIS a
     * batch with {@code ownPartition} (a large upload) gets a detection partition of its own.
     */
    public DetectionWriter<?> open(long batchId, boolean ownPartition) {
        return switch (kind) {
            case POSTGIS -> new CopyDetectionWriter(batchId, ownPartition, dataSource);
            case H2GIS -> new StagedDetectionWriter(batchId, jdbc);
        };
    }
}
