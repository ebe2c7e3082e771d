package org.wufei.gis.tiles;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.locationtech.jts.geom.Envelope;
import org.wufei.gis.catalog.LocalizedText;
import org.wufei.gis.catalog.TileSpec;
import org.wufei.gis.tiles.encode.Generalisation;
import org.wufei.gis.tiles.encode.TileDetail;
import org.wufei.gis.tiles.encode.TileSql;

/**
 * Benchmark, not a test: dynamic tiles of {@code waste_heaps} from the running service (cache off) against the
 * very same SQL ({@link TileSql}) run over JDBC, over a fixed list of tiles at z10/z12/z14; checks both give the
 * same features; prints median, p95 and their ratios; writes the z14 tiles as static files and a wrk script for the
 * cached-throughput comparison (bench/tiles.sh).
 *
 * <p>Arguments: jdbc-url service-base-url out-dir [rounds] [zooms, e.g. 10,12,14]
 */
public final class TileBenchmark {
    private static final String COLLECTION = "waste_heaps";
    private static final String ZOOMS = "10,12,14";
    private static final int SAMPLE = 24;
    private static final Envelope DISTRICT = new Envelope(110.0168, 110.5456, 40.5871, 40.8931);

    private TileBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String jdbcUrl = args[0];
        String base = args[1];
        Path out = Path.of(args[2]);
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        int[] zooms = Arrays.stream((args.length > 4 ? args[4] : ZOOMS).split(",")).mapToInt(Integer::parseInt)
                .toArray();
        TileLayer heaps = TileLayer.of(COLLECTION, new LocalizedText("堆场", "Waste heaps"),
                new TileSpec("site s", "s.geom", "s.id",
                        orderedMap("code", "s.code", "name", "s.name", "kind", "s.kind", "status", "s.status"),
                        "s.deleted_at IS NULL AND s.kind = 'waste_heap'", List.of()), true, true);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<String> staticPaths = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl)) {
            for (int z : zooms) {
                List<long[]> tiles = fixedTiles(z);
                List<Double> service = new ArrayList<>();
                List<Double> jdbc = new ArrayList<>();
                List<Integer> sizes = new ArrayList<>();
                int aggregated = 0;
                for (int round = 0; round <= rounds; round++) {
                    for (long[] t : tiles) {
                        TileRequest r = new TileRequest(COLLECTION, List.of(heaps), TileMatrixSet.WEB_MERCATOR_QUAD, z,
                                t[1], t[0], List.of());
                        String path = "/ogc/collections/" + COLLECTION + "/tiles/WebMercatorQuad/" + z + "/" + t[1]
                                + "/" + t[0];
                        boolean jdbcFirst = round % 2 == 0;
                        byte[][] got = new byte[2][];
                        double[] ms = new double[2];
                        for (int k = 0; k < 2; k++) {
                            long t0 = System.nanoTime();
                            if ((k == 0) == jdbcFirst) {
                                got[0] = viaJdbc(c, heaps, r);
                                ms[0] = (System.nanoTime() - t0) / 1e6;
                            } else {
                                got[1] = viaHttp(http, base + path);
                                ms[1] = (System.nanoTime() - t0) / 1e6;
                            }
                        }
                        if (round == 0) {
                            // Row order inside a tile may differ between runs (hash aggregates): compare contents.
                            if (!Arrays.equals(got[0], got[1])
                                    && !DecodedTile.of(got[0]).layers().equals(DecodedTile.of(got[1]).layers())) {
                                var a = DecodedTile.of(got[0]).layer(COLLECTION);
                                var b = DecodedTile.of(got[1]).layer(COLLECTION);
                                var onlyA = new java.util.TreeSet<>(a.keySet());
                                onlyA.removeAll(b.keySet());
                                var onlyB = new java.util.TreeSet<>(b.keySet());
                                onlyB.removeAll(a.keySet());
                                throw new IllegalStateException("Service and JDBC tiles differ at " + path + ": "
                                        + a.size() + " vs " + b.size() + " features; only JDBC " + onlyA.stream()
                                        .limit(3).map(a::get).toList() + "; only service " + onlyB.stream().limit(3)
                                        .map(b::get).toList());
                            }
                            sizes.add(got[0].length);
                            aggregated += detail(c, heaps, r) == TileDetail.CELLS ? 1 : 0;
                            if (z == 14 && got[0].length > 0) {
                                Path file = out.resolve("static" + path);
                                Files.createDirectories(file.getParent());
                                Files.write(file, got[0]);
                                staticPaths.add(path);
                            }
                            continue; // round 0 warms up
                        }
                        jdbc.add(ms[0]);
                        service.add(ms[1]);
                    }
                }
                report(z, tiles.size(), aggregated, sizes, service, jdbc);
            }
        }
        writeWrkScript(out.resolve("tiles.lua"), staticPaths);
        System.out.printf("wrote %d z14 tiles and %s%n", staticPaths.size(), out.resolve("tiles.lua"));
    }

    /** Every tile of the district at z10; a fixed random sample of {@link #SAMPLE} at z12 and z14. */
    static List<long[]> fixedTiles(int z) {
        long[] r = TileMatrixSet.WEB_MERCATOR_QUAD.tileRange(z, DISTRICT);
        List<long[]> all = new ArrayList<>();
        for (long y = r[2]; y <= r[3]; y++) {
            for (long x = r[0]; x <= r[1]; x++) {
                all.add(new long[] {x, y});
            }
        }
        if (all.size() <= SAMPLE) {
            return all;
        }
        java.util.Collections.shuffle(all, new Random(20261129L + z));
        return all.subList(0, SAMPLE);
    }

    /** What the service does: a bounded count where aggregation may apply, then the ST_AsMVT query. */
    private static byte[] viaJdbc(Connection c, TileLayer layer, TileRequest r) throws SQLException {
        TileSql.Query q = TileSql.postgisMvt(layer, r, detail(c, layer, r));
        try (PreparedStatement ps = prepare(c, q); ResultSet rs = ps.executeQuery()) {
            rs.next();
            byte[] b = rs.getBytes(1);
            return b == null ? new byte[0] : b;
        }
    }

    private static TileDetail detail(Connection c, TileLayer layer, TileRequest r) throws SQLException {
        if (!Generalisation.mayAggregate(layer, r.z())) {
            return Generalisation.detail(layer, r.z(), () -> false);
        }
        TileSql.Query q = TileSql.countUpTo(layer, r, 5000);
        try (PreparedStatement ps = prepare(c, q); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1) > 5000 ? TileDetail.CELLS : TileDetail.FEATURES;
        }
    }

    private static PreparedStatement prepare(Connection c, TileSql.Query q) throws SQLException {
        PreparedStatement ps = c.prepareStatement(q.sql());
        for (int i = 0; i < q.params().size(); i++) {
            ps.setObject(i + 1, q.params().get(i));
        }
        return ps;
    }

    private static byte[] viaHttp(HttpClient http, String url) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200 && r.statusCode() != 204) {
            throw new IllegalStateException(url + " answered " + r.statusCode());
        }
        return r.body();
    }

    private static void report(int z, int tiles, int aggregated, List<Integer> sizes, List<Double> service,
            List<Double> jdbc) {
        double sm = percentile(service, 50);
        double sp = percentile(service, 95);
        double jm = percentile(jdbc, 50);
        double jp = percentile(jdbc, 95);
        List<Double> kb = sizes.stream().map(s -> s / 1024.0).toList();
        System.out.printf("z%d: %d tiles (%d aggregated), size median %.1f KB max %.1f KB | service median %.1f ms"
                + " p95 %.1f ms | JDBC median %.1f ms p95 %.1f ms | ratio median %.3f p95 %.3f%n", z, tiles,
                aggregated, percentile(kb, 50), percentile(kb, 100), sm, sp, jm, jp, sm / jm, sp / jp);
    }

    static double percentile(List<Double> values, double p) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * v.length) - 1;
        return v[Math.max(0, Math.min(v.length - 1, i))];
    }

    private static void writeWrkScript(Path file, List<String> paths) throws IOException {
        StringBuilder lua = new StringBuilder("paths = {\n");
        for (String p : paths) {
            lua.append("  \"").append(p).append("\",\n");
        }
        lua.append("}\ni = 0\nrequest = function()\n  i = i % #paths + 1\n"
                + "  return wrk.format(\"GET\", paths[i])\nend\n");
        Files.createDirectories(file.getParent());
        Files.writeString(file, lua);
    }

    private static Map<String, String> orderedMap(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}
