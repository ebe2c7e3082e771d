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
import java.util.EnumMap;
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
import org.wufei.gis.sites.KindSchemas;
import org.wufei.gis.sites.Lifecycles;
import org.wufei.gis.sites.SiteKind;
import org.wufei.gis.sites.TextList;

/**
 * Generates N synthetic sites (kinds in the demo's proportions, statuses spread over each lifecycle) and
 * writes them straight into site + kind tables with JDBC batches: the data for benchmarks at 1,000,000
 * sites. Bulk sites carry no history. Codes are {prefix}-{kind}-B{n}, apart from the demo's codes.
 *
 * <p>Run: {@code ./mvnw -q exec:java -Dexec.mainClass=org.wufei.gis.demo.BulkSites
 * -Dexec.args="jdbc:postgresql://127.0.0.1:5432/bench?user=postgres 1000000"}
 */
public final class BulkSites {
    private static final int BATCH = 2000;
    private static final Instant CREATED = Instant.parse("2025-06-01T00:00:00Z");

    private final District district;
    private final DistrictShapes shapes;
    private final Lifecycles lifecycles = Lifecycles.load();
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
        Map<SiteKind, List<String>> states = new EnumMap<>(SiteKind.class);
        for (SiteKind k : SiteKind.values()) {
            states.put(k, new ArrayList<>(lifecycles.of(k).states()));
        }
        long firstId = nextId(c);
        WKTWriter wkt = new WKTWriter();
        Timestamp created = Timestamp.from(CREATED);
        try (PreparedStatement site = c.prepareStatement("""
                INSERT INTO site (id, code, name, kind, status, township, geom, area_m2, version, created_at,
                                  updated_at) VALUES (?, ?, ?, ?, ?, ?, ST_GeomFromText(?, 4326), ?, 0, ?, ?)""")) {
            Map<SiteKind, PreparedStatement> sides = sideInserts(c);
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
                site.addBatch();
                bindSide(sides.get(k), id, k, g.attributes());
                if ((i + 1) % BATCH == 0 || i + 1 == count) {
                    site.executeBatch();
                    for (PreparedStatement ps : sides.values()) {
                        ps.executeBatch();
                    }
                    c.commit();
                }
            }
            for (PreparedStatement ps : sides.values()) {
                ps.close();
            }
        }
        restartIdentity(c, kind, firstId + count);
        c.commit();
        c.setAutoCommit(autoCommit);
        return count;
    }

    private static List<SiteKind> weightedKinds() {
        List<SiteKind> out = new ArrayList<>();
        DemoDataGenerator.COUNTS.forEach((k, n) -> {
            for (int i = 0; i < n; i++) {
                out.add(k);
            }
        });
        return out;
    }

    private static Map<SiteKind, PreparedStatement> sideInserts(Connection c) throws SQLException {
        Map<SiteKind, PreparedStatement> out = new EnumMap<>(SiteKind.class);
        for (SiteKind k : SiteKind.values()) {
            List<AttributeDef> defs = KindSchemas.of(k);
            String cols = String.join(", ", defs.stream().map(AttributeDef::name).toList());
            String marks = String.join(", ", defs.stream().map(d -> "?").toList());
            out.put(k, c.prepareStatement("INSERT INTO " + k.table() + " (site_id, " + cols + ") VALUES (?, "
                    + marks + ")"));
        }
        return out;
    }

    private static void bindSide(PreparedStatement ps, long id, SiteKind k, Map<String, Object> attrs)
            throws SQLException {
        ps.setLong(1, id);
        int i = 2;
        for (AttributeDef def : KindSchemas.of(k)) {
            Object v = attrs.get(def.name());
            if (v instanceof List<?> l) {
                v = TextList.join(l.stream().map(String::valueOf).toList());
            }
            if (def.type() == AttributeDef.Type.BOOLEAN && v == null) {
                v = Boolean.FALSE;
            }
            ps.setObject(i++, v);
        }
        ps.addBatch();
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
