package org.wufei.gis.analysis.process;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import net.sf.geographiclib.PolygonArea;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hand-placed sites and a river around a spot of the demo district with no demo site within 4 km, every position
 * set by a geodesic from the spot (GeographicLib), so the expected distances are known by construction.
 *
 * <pre>
 *   FX-SP-1  straw point, operating      300 m north of P0
 *   FX-RS-1  recycling site, operating   700 m east of P0
 *   FX-WH-1  heap 100x100 m, rectifying  north edge 1000 m south of P0, x from -50 to +50 m; deadline 2026-01-01
 *   FX-WH-2  heap 20x20 m, rectifying    2500 m north-east; deadline 2025-06-01
 *   FX-WH-3  heap 20x20 m, closed        x from -160 to -140 m, y from 500 to 520 m
 *   FX-SP-2  straw point (township centre), operating  3000 m east of P0
 *   FX-V1    village, weight 100         2000 m north of P0 (1700 m from FX-SP-1)
 *   FX-V2    village, weight 300         2500 m north of P0 (2200 m from FX-SP-1, ~3905 m from FX-SP-2)
 *   FX-河     tributary along the meridian 200 m west of P0, 2 km either side
 * </pre>
 */
final class Fixtures {
    static final double[] P0 = {110.416, 40.6142};
    static final String TOWNSHIP = "FX测试镇";
    static final Geodesic WGS84 = Geodesic.WGS84;

    private Fixtures() {
    }

    /** lon, lat reached by going {@code east} then {@code north} metres from P0 along geodesics. */
    static double[] at(double east, double north) {
        GeodesicData a = WGS84.Direct(P0[1], P0[0], east >= 0 ? 90 : 270, Math.abs(east));
        GeodesicData b = WGS84.Direct(a.lat2, a.lon2, north >= 0 ? 0 : 180, Math.abs(north));
        return new double[] {b.lon2, b.lat2};
    }

    static double distance(double[] a, double[] b) {
        return WGS84.Inverse(a[1], a[0], b[1], b[0]).s12;
    }

    /** The square's corners, from its west, south corner (metres from P0), side in metres. */
    static List<double[]> square(double west, double south, double side) {
        return List.of(at(west, south), at(west + side, south), at(west + side, south + side),
                at(west, south + side), at(west, south));
    }

    static double geodesicArea(List<double[]> ring) {
        PolygonArea p = new PolygonArea(WGS84, false);
        for (int i = 0; i < ring.size() - 1; i++) {
            p.AddPoint(ring.get(i)[1], ring.get(i)[0]);
        }
        return Math.abs(p.Compute().area);
    }

    static String point(double[] c) {
        return String.format(Locale.ROOT, "POINT (%.9f %.9f)", c[0], c[1]);
    }

    static String polygon(List<double[]> ring) {
        return "POLYGON ((" + coords(ring) + "))";
    }

    static String line(List<double[]> points) {
        return "LINESTRING (" + coords(points) + ")";
    }

    private static String coords(List<double[]> points) {
        List<String> out = new ArrayList<>();
        for (double[] c : points) {
            out.add(String.format(Locale.ROOT, "%.9f %.9f", c[0], c[1]));
        }
        return String.join(", ", out);
    }

    static List<double[]> river() {
        return List.of(at(-200, -2000), at(-200, 0), at(-200, 2000));
    }

    static void insert(JdbcClient jdbc) {
        site(jdbc, "FX-SP-1", "straw_collection_point", "operating", point(at(0, 300)), null);
        site(jdbc, "FX-RS-1", "recycling_site", "operating", point(at(700, 0)), null);
        site(jdbc, "FX-SP-2", "straw_collection_point", "operating", point(at(3000, 0)), null);
        tier(jdbc, "FX-SP-1", "village_point");
        tier(jdbc, "FX-SP-2", "township_centre");
        village(jdbc, "FX-V1", 100, at(0, 2000));
        village(jdbc, "FX-V2", 300, at(0, 2500));
        heap(jdbc, "FX-WH-1", "rectifying", polygon(square(-50, -1100, 100)), LocalDate.of(2026, 1, 1), "甲公司");
        double[] ne = at(1767.77, 1767.77);
        heap(jdbc, "FX-WH-2", "rectifying", polygon(squareAround(ne)), LocalDate.of(2025, 6, 1), "乙公司");
        heap(jdbc, "FX-WH-3", "closed", polygon(square(-160, 500, 20)), null, "丙公司");
        jdbc.sql("INSERT INTO river (name, name_en, seasonal, yellow_river_basin, geom)"
                + " VALUES ('FX-河', 'FX river', TRUE, 'tributary', ST_GeomFromText(?, 4326))")
                .params(line(river())).update();
    }

    private static List<double[]> squareAround(double[] sw) {
        GeodesicData e = WGS84.Direct(sw[1], sw[0], 90, 20);
        GeodesicData ne = WGS84.Direct(e.lat2, e.lon2, 0, 20);
        GeodesicData n = WGS84.Direct(sw[1], sw[0], 0, 20);
        return List.of(sw, new double[] {e.lon2, e.lat2}, new double[] {ne.lon2, ne.lat2},
                new double[] {n.lon2, n.lat2}, sw);
    }

    private static void site(JdbcClient jdbc, String code, String kind, String status, String wkt,
            LocalDate deadline) {
        Timestamp now = Timestamp.from(Instant.parse("2025-01-01T00:00:00Z"));
        jdbc.sql("INSERT INTO site (code, name, kind, status, township, geom, area_m2, deadline, version, created_at,"
                + " updated_at) VALUES (?, ?, ?, ?, ?, ST_GeomFromText(?, 4326), NULL, ?, 0, ?, ?)")
                .params(code, code + " 名称", kind, status, TOWNSHIP, wkt, deadline, now, now).update();
    }

    private static void tier(JdbcClient jdbc, String code, String tier) {
        attributes(jdbc, code, "{\"tier\":\"" + tier + "\"}");
    }

    /** Sets a site's attributes JSON (jsonb on PostGIS, JSON on H2GIS). */
    private static void attributes(JdbcClient jdbc, String code, String json) {
        String param;
        try {
            jdbc.sql("SELECT H2VERSION()").query(String.class).single();
            param = "? FORMAT JSON";
        } catch (org.springframework.dao.DataAccessException postgis) {
            param = "CAST(? AS jsonb)";
        }
        jdbc.sql("UPDATE site SET attributes = " + param + " WHERE code = ?").params(json, code).update();
    }

    private static void village(JdbcClient jdbc, String code, double weight, double[] at) {
        jdbc.sql("INSERT INTO village (code, name, township, population, cropland_mu, weight, geom)"
                + " VALUES (?, ?, ?, 100, ?, ?, ST_GeomFromText(?, 4326))")
                .params(code, code + "村", TOWNSHIP, weight, weight, point(at)).update();
    }

    private static void heap(JdbcClient jdbc, String code, String status, String wkt, LocalDate deadline,
            String party) {
        site(jdbc, code, "waste_heap", status, wkt, deadline);
        attributes(jdbc, code, "{\"category\":\"smelting_slag\",\"ownerless\":false"
                + (party == null ? "" : ",\"responsible_party\":\"" + party + "\"") + "}");
    }

    static void delete(JdbcClient jdbc) {
        jdbc.sql("DELETE FROM site WHERE code LIKE 'FX-%'").update();
        jdbc.sql("DELETE FROM village WHERE code LIKE 'FX-%'").update();
        jdbc.sql("DELETE FROM river WHERE name LIKE 'FX-%'").update();
    }
}
