package org.wufei.gis.detections;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.WKBWriter;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.wufei.gis.triage.Triage;

/**
 * PostGIS: streams a batch's detections into the detection table with one {@code COPY … FROM STDIN} in CSV
 * (Commons CSV's {@code POSTGRESQL_CSV} format: nulls unquoted and empty, every other value quoted when needed;
 * geometries as hex EWKB) on the batch transaction's connection, so the database stores rows while the next
 * features are read and judged. Each row is written on the run's reading thread except for its verdict, which
 * comes last; the batch's thread only appends the prepared text and the verdict. (A hand-written binary COPY
 * encoder saved PostgreSQL 0.07 s of parsing in a 3-4 s import, under the 10 % rule, so it went.) A large batch is copied into a partition of its own,
 * created empty in the same transaction with its primary key but no GiST index and no foreign key; attaching it when
 * the batch completes builds the GiST in bulk and checks the foreign key in one query (per row, the GiST insert and
 * the key check cost the database three times the copy). The primary key is kept up row by row instead: ids rise,
 * so each goes to the end of the index, while the database has a core to spare during the copy, and the attach at
 * the end, which the batch waits for, no longer sorts and builds it. Small batches go into the shared partition.
 * A batch that is rolled back takes
 * its COPY and its partition with it. While the COPY is open the connection can run nothing else; the run reads
 * through other connections meanwhile.
 */
final class CopyDetectionWriter implements DetectionWriter<String> {
    /** The columns in the order rows are encoded: all a detection knows before triage, then the verdict. */
    private static final String COLUMNS = "batch_id, feature_index, layer, source, acquired, confidence, name, "
            + "category, area_m2, note, attributes, geom, repaired, part, triage, matched_site_id, red_flag";
    private static final CSVFormat CSV = CSVFormat.POSTGRESQL_CSV;
    private static final int SEND_CHARS = 1 << 16;

    private final long batchId;
    private final boolean ownPartition;
    private final DataSource dataSource;
    private final Connection connection;
    private final CopyIn copy;
    private final WKBWriter ewkb = new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN, true); // the reading thread's
    private final StringBuilder prepared = new StringBuilder(1024); // the reading thread's
    private final CSVPrinter preparing = printer(prepared);
    private final StringBuilder out = new StringBuilder(SEND_CHARS + 4096); // the batch thread's
    private final CSVPrinter adding = printer(out);

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
                    .copyIn("COPY " + table + " (" + COLUMNS + ") FROM STDIN (FORMAT csv)");
        } catch (SQLException e) {
            DataSourceUtils.releaseConnection(connection, dataSource);
            throw failed(e);
        }
    }

    /** The row's fields up to the verdict, as CSV text. */
    @Override
    public String prepare(NewDetection d) {
        DetectionFields.Fields f = d.fields();
        prepared.setLength(0);
        try {
            preparing.printRecord(batchId, d.featureIndex(), d.layer(), d.source(), d.acquired(), f.confidence(),
                    f.name(), f.category(), d.areaM2(), f.note(), f.attributesJson(), hex(d.geometry()),
                    d.repaired(), ownPartition ? batchId : 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does no I/O
        }
        prepared.setLength(prepared.length() - CSV.getRecordSeparator().length());
        return prepared.toString();
    }

    @Override
    public void add(String row, Triage.Verdict verdict) {
        out.append(row).append(CSV.getDelimiterString());
        try {
            adding.printRecord(verdict.result().code(), verdict.matchedSiteId(), verdict.redFlag());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (out.length() >= SEND_CHARS) {
            send();
        }
    }

    private String hex(Geometry g) {
        return WKBWriter.toHex(ewkb.write(g));
    }

    private static CSVPrinter printer(StringBuilder into) {
        try {
            return new CSVPrinter(into, CSV);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void send() {
        try {
            byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
        } catch (SQLException e) {
            throw failed(e);
        }
        out.setLength(0);
    }

    @Override
    public void complete() {
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
