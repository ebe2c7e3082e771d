package org.wufei.gis.imports;

import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.wufei.gis.common.DatabaseKind;

/** Opens the detection writer that suits the database: COPY on PostGIS, staged JDBC batches on H2GIS. */
@Component
class DetectionWriters {
    private final DatabaseKind kind;
    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final long ownPartitionAboveBytes;

    DetectionWriters(DatabaseKind kind, DataSource dataSource, JdbcTemplate jdbc, ImportsProperties props) {
        this.kind = kind;
        this.ownPartitionAboveBytes = props.ownPartitionAboveBytes();
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /**
     * A writer for one run; call inside the batch's transaction, whose connection it writes through. On PostGIS an
     * upload over {@code gis.imports.own-partition-above-bytes} gets a detection partition of its own.
     */
    DetectionWriter<?> open(long batchId, long uploadBytes) {
        return switch (kind) {
            case POSTGIS -> new CopyDetectionWriter(batchId, uploadBytes > ownPartitionAboveBytes, dataSource);
            case H2GIS -> new StagedDetectionWriter(batchId, jdbc);
        };
    }
}
