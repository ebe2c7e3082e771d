package org.wufei.gis.imports;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import javax.sql.DataSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.WKBWriter;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * PostGIS: streams a batch's detections into the detection table with one {@code COPY … FROM STDIN} (text format,
 * geometry as hex EWKB) on the batch transaction's connection, so the database stores rows while the next features
 * are read and judged. A large batch is copied into a partition of its own, created empty in the same transaction
 * with no index and no foreign key; attaching it when the batch completes builds its indexes in bulk and checks the
 * foreign key in one query (per row, the GiST insert and the key check cost the database three times the copy).
 * Small batches go into the shared partition. A batch that is rolled back takes its COPY and its partition with it.
 * While the COPY is open the connection can run nothing else; the run reads through other connections meanwhile.
 */
final class CopyDetectionWriter implements DetectionWriter {
    private static final int SEND_CHARS = 1 << 16;
    private static final HexFormat HEX = HexFormat.of();

    private final long batchId;
    private final boolean ownPartition;
    private final DataSource dataSource;
    private final Connection connection;
    private final CopyIn copy;
    private final StringBuilder text = new StringBuilder(SEND_CHARS + 4096);
    private final WKBWriter ewkb = new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN, true);

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
                    // lets ATTACH PARTITION skip scanning the rows to prove they belong there
                    st.execute("ALTER TABLE " + table + " ADD CONSTRAINT " + table + "_part_ck CHECK (part = "
                            + batchId + ")");
                }
            }
            this.copy = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + table + " (" + Detections.STORED + ", part) FROM STDIN");
        } catch (SQLException e) {
            DataSourceUtils.releaseConnection(connection, dataSource);
            throw failed(e);
        }
    }

    @Override
    public void add(NewDetection detection) {
        Object[] values = detection.values(batchId);
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                text.append('\t');
            }
            append(values[i]);
        }
        text.append('\t').append(ownPartition ? batchId : 0).append('\n');
        if (text.length() >= SEND_CHARS) {
            send();
        }
    }

    private void append(Object v) {
        if (v == null) {
            text.append("\\N");
        } else if (v instanceof Geometry g) {
            text.append(HEX.formatHex(ewkb.write(g))); // the String form is encoded in one pass, ~2.5× the Appendable one
        } else if (v instanceof Boolean b) {
            text.append(b ? 't' : 'f');
        } else if (v instanceof String s) {
            escape(s);
        } else {
            text.append(v); // numbers and ISO dates, which need no escaping
        }
    }

    /** COPY text format: backslash, tab, newline and carriage return are escaped; nothing else is special. */
    private void escape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
    }

    private void send() {
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        text.setLength(0);
        try {
            copy.writeToCopy(bytes, 0, bytes.length);
        } catch (SQLException e) {
            throw failed(e);
        }
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
