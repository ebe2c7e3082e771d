package org.wufei.gis.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.flywaydb.core.Flyway;
import org.locationtech.jts.io.WKTWriter;
import org.wufei.gis.common.DatabaseKind;
import org.wufei.gis.common.District;
import org.wufei.gis.common.Districts;
import org.wufei.gis.crs.CrsRegistry;
import org.wufei.gis.crs.MetricCrs;
import org.wufei.gis.sites.AttributeDef;
import org.wufei.gis.sites.KindRegistry;
import org.wufei.gis.sites.SiteKind;
import org.wufei.gis.sites.TextList;

/**
 * Generates N synthetic sites (kinds in the demo's proportions, statuses spread over each lifecycle) and
 * writes them straight into the site table with JDBC batches: the data for benchmarks at 1,000,000
 * sites. Bulk sites carry no history. Codes are {prefix}-{kind}-B{n}, apart from the demo's codes.
 *
 * <p>Run: {@code ./mvnw -q exec:java -Dexec.mainClass=org.wufei.gis.demo.BulkSites
 * -Dexec.args="jdbc:postgresql://127.0.0.1:5432/bench?user=postgres 1000000"}
 */
public final class BulkSites {
    private static final int BATCH = 2000;
    private static final tools.jackson.databind.json.JsonMapper JSON =
            tools.jackson.databind.json.JsonMapper.builder().build();
    private static final Instant CREATED = Instant.parse("2025-06-01T00:00:00Z");

    private final District district;
    private final DistrictShapes shapes;
    private final KindRegistry kinds = KindRegistry.loadDefault();
    private final MetricCrs metric;

    public BulkSites(District district) {
        this.district = district;
        this.shapes = new DistrictShapes(district);
        this.metric = new MetricCrs(new CrsRegistry(), district.metricEpsg());
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: BulkSites <jdbc-url> <count> [district.json]");
            System.exit(2);
        }
        String url = args[0];
        long count = Long.parseLong(args[1]);
        District district = Districts.read(Path.of(args.length > 2 ? args[2] : "gis-data/district.json"));
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url)) {
            DatabaseKind kind = DatabaseKind.ofProductName(c.getMetaData().getDatabaseProductName());
            Flyway.configure().dataSource(url, null, null).locations(kind.migrationLocation()).load().migrate();
            long t1 = System.nanoTime();
            long written = new BulkSites(district).load(c, kind, count, district.seed() + 99);
            long t2 = System.nanoTime();
            System.out.printf("migrate %.1f s; generated and loaded %,d sites in %.1f s (%.0f sites/s)%n",
                    (t1 - t0) / 1e9, written, (t2 - t1) / 1e9, written / ((t2 - t1) / 1e9));
        }
    }

    /** Generates and inserts {@code count} sites in batches, one transaction per batch; returns the count. */
    public long load(Connection c, DatabaseKind kind, long count, long seed) throws SQLException, IOException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        SiteGenerator gen = new SiteGenerator(district, shapes, seed);
        SplittableRandom pick = new SplittableRandom(seed);
        List<SiteKind> weighted = weightedKinds();
        Map<SiteKind, List<String>> states = new java.util.HashMap<>();
        for (SiteKind k : kinds.all()) {
            states.put(k, new ArrayList<>(k.lifecycle().states()));
        }
        long firstId = nextId(c);
        WKTWriter wkt = new WKTWriter();
        Timestamp created = Timestamp.from(CREATED);
        String json = kind == DatabaseKind.POSTGIS ? "CAST(? AS jsonb)" : "? FORMAT JSON";
        try (PreparedStatement site = c.prepareStatement("""
                INSERT INTO site (id, code, name, kind, status, township, geom, area_m2, version, created_at,
                                  updated_at, attributes)
                VALUES (?, ?, ?, ?, ?, ?, ST_GeomFromText(?, 4326), ?, 0, ?, ?, %s)""".formatted(json))) {
            for (long i = 0; i < count; i++) {
                SiteKind k = weighted.get(pick.nextInt(weighted.size()));
                List<String> s = states.get(k);
                GeneratedSite g = gen.next(k, 0, s.get(pick.nextInt(s.size())));
                long id = firstId + i;
                site.setLong(1, id);
                site.setString(2, district.codePrefix() + "-" + k.codeAbbreviation() + "-B" + (i + 1));
                site.setString(3, g.name());
                site.setString(4, k.id());
                site.setString(5, g.status());
                site.setString(6, g.township());
                site.setString(7, wkt.write(g.geometry()));
                site.setDouble(8, Math.round(metric.areaM2(g.geometry()) * 10) / 10.0);
                site.setTimestamp(9, created);
                site.setTimestamp(10, created);
                site.setString(11, attributesJson(k, g.attributes()));
                site.addBatch();
                if ((i + 1) % BATCH == 0 || i + 1 == count) {
                    site.executeBatch();
                    c.commit();
                }
            }
        }
        restartIdentity(c, kind, firstId + count);
        c.commit();
        c.setAutoCommit(autoCommit);
        return count;
    }

    private List<SiteKind> weightedKinds() {
        List<SiteKind> out = new ArrayList<>();
        for (SiteKind k : kinds.all()) {
            for (int i = 0; i < k.demoCount(); i++) {
                out.add(k);
            }
        }
        return out;
    }

    /** The attributes as the site table stores them: lists joined by commas, absent values left out. */
    private static String attributesJson(SiteKind k, Map<String, Object> attrs) {
        Map<String, Object> stored = new java.util.LinkedHashMap<>();
        for (AttributeDef def : k.attributes()) {
            Object v = attrs.get(def.name());
            if (v instanceof List<?> l) {
                v = TextList.join(l.stream().map(String::valueOf).toList());
            }
            if (v != null) {
                stored.put(def.name(), v);
            }
        }
        return JSON.writeValueAsString(stored);
    }

    private static long nextId(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); var rs = s.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM site")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Explicit ids were written: move the identity past them so later inserts do not collide. */
    private static void restartIdentity(Connection c, DatabaseKind kind, long next) throws SQLException {
        try (Statement s = c.createStatement()) {
            if (kind == DatabaseKind.POSTGIS) {
                s.execute("SELECT setval(pg_get_serial_sequence('site', 'id'), " + (next - 1) + ")");
                s.execute("ANALYZE site");
            } else {
                s.execute("ALTER TABLE site ALTER COLUMN id RESTART WITH " + next);
            }
        }
    }
}
