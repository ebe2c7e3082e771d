package org.wufei.gis.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes every table and the inspection photos to one zip, and restores such a zip into an empty database that
 * Flyway has migrated, on either database kind. Rows are streamed; a table is one JSON array per line.
 */
public final class Backup {
    static final String MANIFEST = "manifest.json";
    static final String FORMAT = "waste-site-gis-backup/1";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> FILE_DIRS = List.of("inspections", "reports");

    private Backup() {
    }

    /** The whole database (one consistent read) and the photo files under {@code dataDir}. */
    public static void write(Connection c, Path dataDir, OutputStream target) throws SQLException, IOException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (ZipOutputStream zip = new ZipOutputStream(target)) {
            Map<String, Map<String, String>> tables = Tables.of(c);
            Map<String, Object> manifest = new LinkedHashMap<>();
            manifest.put("format", FORMAT);
            manifest.put("createdAt", Instant.now().toString());
            manifest.put("database", c.getMetaData().getDatabaseProductName());
            manifest.put("tables", tables);
            zip.putNextEntry(new ZipEntry(MANIFEST));
            zip.write(JSON.writeValueAsBytes(manifest));
            zip.closeEntry();
            for (Map.Entry<String, Map<String, String>> t : tables.entrySet()) {
                zip.putNextEntry(new ZipEntry("tables/" + t.getKey() + ".jsonl"));
                dumpTable(c, t.getKey(), t.getValue(), zip);
                zip.closeEntry();
            }
            writeFiles(dataDir, zip);
            zip.finish();
        } finally {
            c.rollback();
            c.setAutoCommit(autoCommit);
        }
    }

    private static void dumpTable(Connection c, String table, Map<String, String> columns, OutputStream out)
            throws SQLException {
        List<Value> kinds = columns.values().stream().map(Value::of).toList();
        List<String> select = new ArrayList<>();
        List<String> names = new ArrayList<>(columns.keySet());
        for (int i = 0; i < names.size(); i++) {
            select.add(kinds.get(i).select(names.get(i)));
        }
        String order = names.contains("id") ? " ORDER BY id" : "";
        try (Statement s = c.createStatement()) {
            s.setFetchSize(1000);
            try (ResultSet rs = s.executeQuery("SELECT " + String.join(", ", select) + " FROM " + table + order)) {
                while (rs.next()) {
                    JsonGenerator g = JSON.createGenerator(new NoClose(out));
                    g.writeStartArray();
                    int index = 1;
                    for (Value kind : kinds) {
                        index = kind.write(rs, index, g);
                    }
                    g.writeEndArray();
                    g.close();
                    out.write('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeFiles(Path dataDir, ZipOutputStream zip) throws IOException {
        for (String dir : FILE_DIRS) {
            Path root = dataDir.resolve(dir);
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    zip.putNextEntry(new ZipEntry("files/" + dataDir.relativize(f).toString().replace('\\', '/')));
                    Files.copy(f, zip);
                    zip.closeEntry();
                }
            }
        }
    }

    /**
     * Restores a backup into an empty, migrated database and the photo files into {@code dataDir}, in one
     * transaction; refuses (and changes nothing) when any of the tables already holds rows.
     */
    public static RestoreResult restore(Connection c, Path dataDir, InputStream source) throws SQLException,
            IOException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            RestoreResult result = new Restore(c, dataDir).run(new ZipInputStream(source));
            c.commit();
            return result;
        } catch (SQLException | IOException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /** What a restore brought back: rows per table and the number of files. */
    public record RestoreResult(Map<String, Long> rows, int files) {
    }

    static JsonNode readManifest(byte[] bytes) {
        JsonNode m = JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
        if (!FORMAT.equals(m.path("format").asString(null))) {
            throw new IllegalArgumentException("not a backup of this service (format " + m.path("format") + ")");
        }
        return m;
    }

    static JsonNode readRow(String line) {
        return JSON.readTree(line);
    }

    /** Lets a JSON generator close without closing the zip entry under it. */
    private static final class NoClose extends java.io.FilterOutputStream {
        NoClose(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    static PreparedStatement prepare(Connection c, String sql) throws SQLException {
        return c.prepareStatement(sql);
    }
}
