package org.wufei.gis.sites;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.io.WKTWriter;
import org.wufei.gis.common.DatabaseKind;
import org.wufei.gis.common.Districts;
import org.wufei.gis.demo.DemoDataGenerator;
import org.wufei.gis.demo.GeneratedSite;
import org.wufei.gis.demo.HistoryStep;
import org.wufei.gis.support.TestDatabases;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Migration V40 (side tables → site.attributes JSON) loses nothing: a database at the schema before it (Flyway
 * target 34) gets the demo sites in the five side tables with their histories; after migrating, every site row,
 * every attribute value and every history event reads back the same. On H2GIS and on PostGIS.
 */
class SiteAttributesMigrationIT {
    private static final String[] SIDE_TABLES = {"waste_heap", "tailings_pond", "green_mine",
        "straw_collection_point", "recycling_site"};
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void onH2gis() throws Exception {
        migrateWithoutLoss(TestDatabases.h2gisUrl(), DatabaseKind.H2GIS);
    }

    @Test
    void onPostgis() throws Exception {
        TestDatabases.requirePostgis();
        migrateWithoutLoss(TestDatabases.newPostgisDatabase(), DatabaseKind.POSTGIS);
    }

    private void migrateWithoutLoss(String url, DatabaseKind kind) throws Exception {
        Flyway.configure().dataSource(url, null, null).locations(kind.migrationLocation()).target("34").load()
                .migrate();
        try (Connection c = DriverManager.getConnection(url)) {
            loadDemoIntoSideTables(c);
            List<List<String>> sites = rows(c, "SELECT id, code, name, kind, status, township, ST_AsText(geom), "
                    + "area_m2, rectification_mode, deadline, deleted_at, version, created_at, updated_at FROM site "
                    + "ORDER BY id");
            List<List<String>> events = rows(c, "SELECT * FROM status_event ORDER BY id");
            Map<Long, Map<String, Object>> attributes = sideTables(c);
            assertThat(sites).hasSize(203);
            assertThat(attributes).hasSize(203);

            Flyway.configure().dataSource(url, null, null).locations(kind.migrationLocation()).load().migrate();

            assertThat(rows(c, "SELECT id, code, name, kind, status, township, ST_AsText(geom), area_m2, "
                    + "rectification_mode, deadline, deleted_at, version, created_at, updated_at FROM site ORDER BY id"))
                    .isEqualTo(sites);
            assertThat(rows(c, "SELECT * FROM status_event ORDER BY id")).isEqualTo(events);
            Map<Long, JsonNode> stored = new TreeMap<>();
            String text = kind == DatabaseKind.POSTGIS ? "attributes::text" : "CAST(attributes AS VARCHAR)";
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, " + text + " FROM site")) {
                while (rs.next()) {
                    stored.put(rs.getLong(1), JSON.readTree(rs.getString(2)));
                }
            }
            attributes.forEach((id, before) -> before.forEach((name, value) -> {
                JsonNode after = stored.get(id).get(name);
                if (value == null) {
                    assertThat(after).as(id + "." + name).isNull();
                } else if (value instanceof Number n) {
                    assertThat(after.asDouble()).as(id + "." + name).isEqualTo(n.doubleValue());
                } else if (value instanceof Boolean b) {
                    assertThat(after.asBoolean()).as(id + "." + name).isEqualTo(b);
                } else {
                    assertThat(after.asString()).as(id + "." + name).isEqualTo(value.toString());
                }
            }));
            for (String table : SIDE_TABLES) {
                assertThat(c.getMetaData().getTables(null, null, table, null).next()).as(table).isFalse();
            }
        }
    }

    /** The demo sites as the old schema held them: common columns in site, attributes in one side table each. */
    private static void loadDemoIntoSideTables(Connection c) throws SQLException, java.io.IOException {
        KindRegistry kinds = KindRegistry.loadDefault();
        List<GeneratedSite> demo = new DemoDataGenerator(Districts.read(Path.of("gis-data/district.json")), kinds)
                .sites().stream().filter(s -> List.of(SIDE_TABLES).contains(s.kind().id())).toList();
        WKTWriter wkt = new WKTWriter();
        long id = 0;
        try (PreparedStatement site = c.prepareStatement("INSERT INTO site (id, code, name, kind, status, township, "
                + "geom, area_m2, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, "
                + "ST_GeomFromText(?, 4326), ?, 1, ?, ?)");
                PreparedStatement event = c.prepareStatement("INSERT INTO status_event (site_id, event_type, "
                        + "from_status, to_status, actor, at, note, rectification_mode, deadline) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (GeneratedSite g : demo) {
                id++;
                HistoryStep first = g.history().get(0);
                site.setLong(1, id);
                site.setString(2, g.code());
                site.setString(3, g.name());
                site.setString(4, g.kind().id());
                site.setString(5, g.status());
                site.setString(6, g.township());
                site.setString(7, wkt.write(g.geometry()));
                site.setDouble(8, Math.round(g.geometry().getArea() * 1e10) / 10.0);
                site.setTimestamp(9, Timestamp.from(first.at()));
                site.setTimestamp(10, Timestamp.from(g.history().get(g.history().size() - 1).at()));
                site.executeUpdate();
                side(c, id, g);
                String from = null;
                for (HistoryStep h : g.history()) {
                    event.setLong(1, id);
                    event.setString(2, from == null ? "CREATED" : "TRANSITION");
                    event.setString(3, from);
                    event.setString(4, h.to());
                    event.setString(5, h.actor());
                    event.setTimestamp(6, Timestamp.from(h.at()));
                    event.setString(7, h.note());
                    event.setString(8, h.mode());
                    event.setObject(9, h.deadline());
                    event.executeUpdate();
                    from = h.to();
                }
            }
        }
    }

    private static void side(Connection c, long id, GeneratedSite g) throws SQLException {
        List<AttributeDef> defs = g.kind().attributes();
        String cols = String.join(", ", defs.stream().map(AttributeDef::name).toList());
        String marks = String.join(", ", defs.stream().map(d -> "?").toList());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + g.kind().id() + " (site_id, " + cols
                + ") VALUES (?, " + marks + ")")) {
            ps.setLong(1, id);
            int i = 2;
            for (AttributeDef def : defs) {
                Object v = g.attributes().get(def.name());
                if (v instanceof List<?> l) {
                    v = TextList.join(l.stream().map(String::valueOf).toList());
                }
                if (def.type() == AttributeDef.Type.BOOLEAN && v == null) {
                    v = Boolean.FALSE;
                }
                ps.setObject(i++, v);
            }
            ps.executeUpdate();
        }
    }

    private static Map<Long, Map<String, Object>> sideTables(Connection c) throws SQLException {
        Map<Long, Map<String, Object>> out = new TreeMap<>();
        for (String table : SIDE_TABLES) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                while (rs.next()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        String name = rs.getMetaData().getColumnLabel(i).toLowerCase();
                        if (!name.equals("site_id")) {
                            m.put(name, rs.getObject(i));
                        }
                    }
                    out.put(rs.getLong("site_id"), m);
                }
            }
        }
        return out;
    }

    private static List<List<String>> rows(Connection c, String sql) throws SQLException {
        List<List<String>> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                out.add(row);
            }
        }
        return out;
    }
}
