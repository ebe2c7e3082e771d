package org.wufei.gis.backup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import tools.jackson.databind.JsonNode;

/** One restore: reads the zip's entries in order (manifest, tables, files) into the open transaction. */
final class Restore {
    private static final int BATCH = 500;

    private final Connection c;
    private final Path dataDir;
    private final boolean postgres;
    private Map<String, Map<String, String>> target;
    private JsonNode manifest;
    private final Map<String, Long> rows = new LinkedHashMap<>();
    private int files;

    Restore(Connection c, Path dataDir) throws SQLException {
        this.c = c;
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.postgres = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    }

    Backup.RestoreResult run(ZipInputStream zip) throws SQLException, IOException {
        for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
            String name = e.getName();
            if (name.equals(Backup.MANIFEST)) {
                manifest = Backup.readManifest(zip.readAllBytes());
                target = Tables.of(c);
                requireEmpty();
            } else if (manifest == null) {
                throw new IllegalArgumentException("not a backup of this service: no manifest first");
            } else if (name.startsWith("tables/") && name.endsWith(".jsonl")) {
                String table = name.substring("tables/".length(), name.length() - ".jsonl".length());
                rows.put(table, table(table, zip));
            } else if (name.startsWith("files/")) {
                file(name.substring("files/".length()), zip);
            }
        }
        if (manifest == null) {
            throw new IllegalArgumentException("not a backup of this service: no manifest");
        }
        resetIdentities();
        return new Backup.RestoreResult(rows, files);
    }

    private void requireEmpty() throws SQLException {
        for (String table : target.keySet()) {
            if (!manifest.path("tables").has(table)) {
                continue;
            }
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    throw new IllegalStateException("restore needs an empty database: table " + table + " has "
                            + rs.getLong(1) + " rows");
                }
            }
        }
    }

    private long table(String table, ZipInputStream zip) throws SQLException, IOException {
        Map<String, String> here = target.get(table);
        BufferedReader in = new BufferedReader(new InputStreamReader(zip, StandardCharsets.UTF_8));
        if (here == null) {
            // a table one database kind has and the other lacks (H2GIS's import staging) may come empty
            if (in.readLine() != null) {
                throw new IllegalStateException("the backup has rows in table " + table + " that this database "
                        + "lacks: restore into the same version of the service");
            }
            return 0;
        }
        List<String> names = new ArrayList<>();
        List<Value> sourceKinds = new ArrayList<>();
        manifest.path("tables").path(table).properties().forEach(p -> {
            names.add(p.getKey());
            sourceKinds.add(Value.of(p.getValue().asString()));
        });
        List<Integer> kept = new ArrayList<>();
        List<String> placeholders = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (here.containsKey(names.get(i))) {
                kept.add(i);
                placeholders.add(Value.of(here.get(names.get(i))).placeholder(postgres));
            }
        }
        String sql = "INSERT INTO " + table + " (" + String.join(", ", kept.stream().map(names::get).toList())
                + ") VALUES (" + String.join(", ", placeholders) + ")";
        long count = 0;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                JsonNode row = Backup.readRow(line);
                int index = 1;
                for (int i : kept) {
                    index = Value.of(here.get(names.get(i))).bind(ps, index, row.get(i));
                }
                ps.addBatch();
                if (++count % BATCH == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
        return count;
    }

    private void file(String relative, ZipInputStream zip) throws IOException {
        Path f = dataDir.resolve(relative).normalize();
        if (!f.startsWith(dataDir) || relative.contains("..")) {
            throw new IllegalArgumentException("backup entry outside the data folder: " + relative);
        }
        Files.createDirectories(f.getParent());
        Files.copy(zip, f, StandardCopyOption.REPLACE_EXISTING);
        files++;
    }

    /** Identity columns and sequences continue after the restored ids. */
    private void resetIdentities() throws SQLException {
        for (Map.Entry<String, Map<String, String>> t : target.entrySet()) {
            if (!rows.containsKey(t.getKey())) {
                continue;
            }
            for (String column : t.getValue().keySet()) {
                if (postgres) {
                    resetPostgres(t.getKey(), column);
                } else {
                    resetH2(t.getKey(), column);
                }
            }
        }
    }

    private void resetPostgres(String table, String column) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_get_serial_sequence(?, ?)")) {
            ps.setString(1, table);
            ps.setString(2, column);
            try (ResultSet rs = ps.executeQuery()) {
                String sequence = rs.next() ? rs.getString(1) : null;
                if (sequence != null) {
                    try (PreparedStatement set = c.prepareStatement("SELECT setval(?, COALESCE((SELECT MAX("
                            + column + ") FROM " + table + "), 0) + 1, false)")) {
                        set.setString(1, sequence);
                        set.execute();
                    }
                }
            }
        }
    }

    private void resetH2(String table, String column) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT IS_IDENTITY FROM INFORMATION_SCHEMA.COLUMNS "
                + "WHERE TABLE_SCHEMA = SCHEMA() AND TABLE_NAME = ? AND COLUMN_NAME = ?")) {
            ps.setString(1, table.toUpperCase(Locale.ROOT));
            ps.setString(2, column.toUpperCase(Locale.ROOT));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || !"YES".equals(rs.getString(1))) {
                    return;
                }
            }
        }
        long next;
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(" + column + "), 0) + 1 FROM " + table)) {
            rs.next();
            next = rs.getLong(1);
        }
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE " + table + " ALTER COLUMN " + column + " RESTART WITH " + next);
        }
    }
}
