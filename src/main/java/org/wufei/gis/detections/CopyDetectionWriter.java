package org.wufei.gis.detections;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.wufei.gis.triage.Triage;

/**
 * PostGIS: streams a batch's detections into the detection table with one {@code COPY … FROM STDIN} in the binary
 * format on the batch transaction's connection, so the database stores rows while the next features are read and
 * judged. Each row is encoded on the run's reading thread except for its verdict, which comes last; the batch's
 * thread only appends the prepared bytes and the verdict. A large batch is copied into a partition of its own,
 * created empty in the same transaction with its primary key but no GiST index and no foreign key; attaching it when
 * the batch completes builds the GiST in bulk and checks the foreign key in one query (per row, the GiST insert and
 * the key check cost the database three times the copy). The primary key is kept up row by row instead: ids rise,
 * so each goes to the end of the index, while the database has a core to spare during the copy, and the attach at
 * the end, which the batch waits for, no longer sorts and builds it (docs/benchmarks.md, seventh round). Small batches go into the shared partition. A batch that is rolled back takes
 * its COPY and its partition with it. While the COPY is open the connection can run nothing else; the run reads
 * through other connections meanwhile.
 */
final class CopyDetectionWriter implements DetectionWriter<byte[]> {
    /** The columns in the order rows are encoded: all a detection knows before triage, then the verdict. */
    private static final String COLUMNS = "batch_id, feature_index, layer, source, acquired, confidence, name, "
            + "category, area_m2, note, attributes, geom, repaired, part, triage, matched_site_id, red_flag";
    private static final int FIELDS = COLUMNS.split(",").length;
    private static final int SEND_BYTES = 1 << 16;

    private final long batchId;
    private final boolean ownPartition;
    private final DataSource dataSource;
    private final Connection connection;
    private final CopyIn copy;
    private final BinaryCopyRows prepared = new BinaryCopyRows(1024); // the reading thread's
    private final BinaryCopyRows out = new BinaryCopyRows(SEND_BYTES + 4096); // the batch thread's

    /** Opens the COPY on the connection of the transaction in progress, into a new partition when asked. */
    CopyDetectionWriter(long batchId, boolean ownPartition, DataSource dataSource) {
        this.batchId = batchId;
        this.ownPartition = ownPartition;
        this.dataSource = dataSource;
        this.connection = DataSourceUtils.getConnection(dataSource);
        try {
            String table = "detection";
            if (ownPartition) {
                table = partition(batchId);
                try (Statement st = connection.createStatement()) {
                    st.execute("CREATE TABLE " + table + " (LIKE detection INCLUDING DEFAULTS INCLUDING CONSTRAINTS)");
                    // the first lets ATTACH PARTITION skip scanning the rows to prove they belong there; the second
                    // lets a query by batch skip this partition unless it is the batch's (it has no batch_id index)
                    st.execute("ALTER TABLE " + table + " ADD CONSTRAINT " + table + "_part_ck CHECK (part = "
                            + batchId + "), ADD CONSTRAINT " + table + "_batch_ck CHECK (batch_id = " + batchId + ")"
                            + ", ADD PRIMARY KEY (id, part)");
                }
            }
            this.copy = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + table + " (" + COLUMNS + ") FROM STDIN (FORMAT binary)");
        } catch (SQLException e) {
            DataSourceUtils.releaseConnection(connection, dataSource);
            throw failed(e);
        }
        out.append(BinaryCopyRows.HEADER, 0, BinaryCopyRows.HEADER.length);
    }

    /** The row's fields up to the verdict, as bytes. */
    @Override
    public byte[] prepare(NewDetection d) {
        DetectionFields.Fields f = d.fields();
        prepared.clear();
        prepared.row(FIELDS).int8(batchId).int8(d.featureIndex()).text(d.layer()).text(d.source())
                .date(d.acquired()).float8(f.confidence()).text(f.name()).text(f.category()).float8(d.areaM2())
                .text(f.note()).text(f.attributesJson()).geometry(d.geometry()).bool(d.repaired())
                .int8(ownPartition ? batchId : 0);
        return prepared.toByteArray();
    }

    @Override
    public void add(byte[] row, Triage.Verdict verdict) {
        out.append(row, 0, row.length).text(verdict.result().code()).int8(verdict.matchedSiteId())
                .bool(verdict.redFlag());
        if (out.size() >= SEND_BYTES) {
            send();
        }
    }

    private void send() {
        try {
            copy.writeToCopy(out.array(), 0, out.size());
        } catch (SQLException e) {
            throw failed(e);
        }
        out.clear();
    }

    @Override
    public void complete() {
        out.append(BinaryCopyRows.TRAILER, 0, BinaryCopyRows.TRAILER.length);
        send();
        try {
            copy.endCopy();
            if (ownPartition) {
                try (Statement st = connection.createStatement()) {
                    st.execute("ALTER TABLE detection ATTACH PARTITION " + partition(batchId) + " FOR VALUES IN ("
                            + batchId + ")");
                }
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** The table of a batch that has a partition of its own; the id is a number, so the name needs no quoting. */
    static String partition(long batchId) {
        return "detection_b" + batchId;
    }

    @Override
    public void close() {
        if (copy.isActive()) {
            try {
                copy.cancelCopy();
            } catch (SQLException e) {
                // the batch's transaction is rolled back anyway
            }
        }
        DataSourceUtils.releaseConnection(connection, dataSource);
    }

    private static RuntimeException failed(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("08")
                ? new DataAccessResourceFailureException("COPY into detection failed", e)
                : new UncategorizedSQLException("COPY into detection", null, e);
    }
}
