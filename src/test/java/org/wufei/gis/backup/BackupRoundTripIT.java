package org.wufei.gis.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.io.WKBReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.wufei.gis.support.H2gisDatabase;
import org.wufei.gis.support.Http;
import org.wufei.gis.support.IntegrationTest;
import org.wufei.gis.support.TestDatabases;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A full backup of the demo district (plus an inspection with a photo) from H2GIS restored into an empty PostGIS,
 * and that one's backup restored into a second empty PostGIS: every row (ids, geometries to the coordinate, history) and
 * every photo byte comes back the same.
 */
@IntegrationTest
@ContextConfiguration(initializers = H2gisDatabase.class)
class BackupRoundTripIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Value("${gis.data-dir}")
    String dataDir;
    @TempDir
    Path dir;

    @BeforeAll
    static void postgisIsThere() {
        TestDatabases.requirePostgis();
    }

    @Test
    void h2gisToPostgisAndOnGivesTheSameRowsGeometriesHistoryAndPhotos() throws Exception {
        Http http = new Http(port);
        long site = http.get("/api/sites?kind=waste_heap&size=1", "admin").json().get("items").get(0).get("id")
                .asLong();
        http.post("/api/sites/" + site + "/transitions", "admin", "{\"to\":\"assigned\"}",
                http.get("/api/sites/" + site, "admin").header("ETag"));
        byte[] original;
        try (Connection c = dataSource.getConnection()) {
            original = backup(c, Path.of(dataDir));
        }

        String postgis = TestDatabases.newPostgisDatabase();
        BackupCli.migrate(postgis, null, null);
        byte[] fromPostgis;
        try (Connection c = DriverManager.getConnection(postgis)) {
            Backup.RestoreResult r = Backup.restore(c, dir.resolve("pg-data"), new ByteArrayInputStream(original));
            assertThat(r.rows().get("site")).isGreaterThan(100);
            assertThat(r.rows().get("status_event")).isGreaterThan(500);
            fromPostgis = backup(c, dir.resolve("pg-data"));
            assertThatThrownBy(() -> Backup.restore(c, dir.resolve("again"), new ByteArrayInputStream(original)))
                    .hasMessageContaining("empty database");
        }
        assertSameContent(original, fromPostgis);

        // Back again into a second, empty PostGIS. Restoring into an H2GIS database that BackupCli itself migrated
        // fails today on every CHECK constraint ("Check constraint invalid", H2 2.4.240), while the service's own
        // migration of H2GIS accepts the same rows: known gap, see docs/operations.md.
        String again = TestDatabases.newPostgisDatabase();
        BackupCli.migrate(again, null, null);
        try (Connection c = DriverManager.getConnection(again)) {
            Backup.restore(c, dir.resolve("pg2-data"), new ByteArrayInputStream(fromPostgis));
            assertSameContent(original, backup(c, dir.resolve("pg2-data")));
        }
    }

    private static byte[] backup(Connection c, Path data) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Backup.write(c, data, out);
        return out.toByteArray();
    }

    /** Every table's rows on the columns both databases have, geometries compared as exact WKT; every file. */
    private static void assertSameContent(byte[] a, byte[] b) throws IOException {
        Map<String, Object> left = content(a);
        Map<String, Object> right = content(b);
        assertThat(right.keySet()).containsAll(left.keySet());
        for (String key : left.keySet()) {
            assertThat(right.get(key)).as(key).isEqualTo(left.get(key));
        }
    }

    private static Map<String, Object> content(byte[] zipBytes) throws IOException {
        Map<String, Object> out = new TreeMap<>();
        JsonNode manifest = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(zipBytes))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                byte[] bytes = zip.readAllBytes();
                if (e.getName().equals(Backup.MANIFEST)) {
                    manifest = JSON.readTree(bytes);
                } else if (e.getName().startsWith("tables/")) {
                    String table = e.getName().substring(7, e.getName().length() - 6);
                    List<String> rows = rows(manifest.path("tables").path(table), bytes);
                    if (!rows.isEmpty()) { // a table one database kind lacks (H2GIS's import staging) is empty
                        out.put(table, rows);
                    }
                } else {
                    out.put(e.getName(), HexFormat.of().formatHex(bytes));
                }
            }
        }
        return out;
    }

    /** Rows as maps of the portable columns (not PostGIS's partition key), sorted. */
    private static List<String> rows(JsonNode columns, byte[] jsonl) {
        List<String> names = new ArrayList<>();
        List<String> types = new ArrayList<>();
        columns.properties().forEach(p -> {
            names.add(p.getKey());
            types.add(p.getValue().asString());
        });
        List<String> rows = new ArrayList<>();
        for (String line : new String(jsonl, StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode row = JSON.readTree(line);
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                if (names.get(i).equals("part")) {
                    continue;
                }
                JsonNode v = row.get(i);
                m.put(names.get(i), types.get(i).contains("geometry") && !v.isNull() ? wkt(v)
                        : types.get(i).contains("json") && v.isString() ? canonicalJson(v.asString()) : v.toString());
            }
            rows.add(m.toString());
        }
        rows.sort(null);
        return rows;
    }

    /** A JSON document with its members in name order: jsonb keeps its own order and spacing, H2 the written one. */
    private static String canonicalJson(String json) {
        return new java.util.TreeMap<>(JSON.readValue(json, Map.class)).toString();
    }

    private static String wkt(JsonNode v) {
        try {
            return v.get(1).asInt() + ";" + new WKBReader().read(HexFormat.of().parseHex(v.get(0).asString()));
        } catch (org.locationtech.jts.io.ParseException e) {
            throw new IllegalStateException(e);
        }
    }
}
