package org.wufei.gis.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load benchmark (bench/load.sh, docs/benchmarks.md), loopback only and bounded in time: N clients for S seconds
 * mixing items, tiles, detail, history and transitions on a few hot sites; then the items throughput at 32
 * connections against the same page query run directly through JDBC. Prints p50/p95/p99 per request type, errors,
 * and checks that the history holds exactly one event per acknowledged transition.
 * Arguments: baseUrl jdbcUrl clients seconds.
 */
public final class LoadBenchmark {
    private static final double[] DISTRICT = {110.02, 40.59, 110.54, 40.89};
    private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString(
            "admin:demo".getBytes(StandardCharsets.UTF_8));
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(8)).build();

    private final String base;
    private final Map<String, ConcurrentLinkedQueue<Long>> latencies = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
    private final AtomicInteger stale = new AtomicInteger();
    private final Map<Long, AtomicInteger> acknowledged = new ConcurrentHashMap<>();

    private LoadBenchmark(String base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String jdbc = args[1];
        int clients = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        LoadBenchmark b = new LoadBenchmark(base);
        List<Long> hot = hotSites(jdbc);
        hot.forEach(id -> b.acknowledged.put(id, new AtomicInteger()));
        long started = System.currentTimeMillis();
        java.sql.Timestamp since = new java.sql.Timestamp(started - 1000);
        b.mixed(clients, seconds, hot);
        b.report(clients, seconds);
        b.checkHistory(jdbc, since);
        double service = b.itemsThroughput(32, 15);
        double direct = directThroughput(jdbc, 32, 15);
        System.out.printf(Locale.ROOT, "items at 32 connections: service %.0f req/s, JDBC %.0f req/s, ratio %.2f "
                + "(target >= 0.5)%n", service, direct, service / direct);
        // the HTTP client's executor threads would keep the JVM (and bench/load.sh, and its service) running
        System.exit(0);
    }

    private void mixed(int clients, int seconds, List<Long> hot) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long end = System.currentTimeMillis() + seconds * 1000L;
        List<Long> sites = Collections.synchronizedList(new ArrayList<>(hot));
        for (int c = 0; c < clients; c++) {
            Random r = new Random(c);
            pool.submit(() -> {
                while (System.currentTimeMillis() < end) {
                    int pick = r.nextInt(100);
                    long site = sites.get(r.nextInt(sites.size()));
                    if (pick < 35) {
                        get("items", "/ogc/collections/waste_heaps/items?limit=100&bbox=" + bbox(r), false);
                    } else if (pick < 65) {
                        get("tile", tile(r), false);
                    } else if (pick < 80) {
                        get("detail", "/api/sites/" + site, true);
                    } else if (pick < 90) {
                        get("history", "/api/sites/" + site + "/history", true);
                    } else {
                        transition(hot.get(r.nextInt(hot.size())));
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 120L, TimeUnit.SECONDS);
    }

    private HttpResponse<byte[]> get(String type, String path, boolean signedIn) {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (signedIn) {
            req.header("Authorization", AUTH);
        }
        return send(type, req.GET().build());
    }

    private HttpResponse<byte[]> send(String type, HttpRequest req) {
        long t0 = System.nanoTime();
        try {
            HttpResponse<byte[]> r = HTTP.send(req, HttpResponse.BodyHandlers.ofByteArray());
            latencies.computeIfAbsent(type, k -> new ConcurrentLinkedQueue<>()).add(System.nanoTime() - t0);
            if (r.statusCode() >= 400 && r.statusCode() != 412) {
                errors.computeIfAbsent(type + " " + r.statusCode(), k -> new AtomicInteger()).incrementAndGet();
            }
            return r;
        } catch (Exception e) {
            errors.computeIfAbsent(type + " " + e.getClass().getSimpleName(), k -> new AtomicInteger())
                    .incrementAndGet();
            return null;
        }
    }

    /** operating ⇄ suspended on a hot recycling site, with the version just read; a 412 is an expected loss. */
    private void transition(long site) {
        HttpResponse<byte[]> now = get("detail", "/api/sites/" + site, true);
        if (now == null || now.statusCode() != 200) {
            return;
        }
        String body = new String(now.body(), StandardCharsets.UTF_8);
        String to = body.contains("\"status\":\"operating\"") ? "suspended" : "operating";
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/api/sites/" + site + "/transitions"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", AUTH)
                .header("Content-Type", "application/json")
                .header("If-Match", now.headers().firstValue("ETag").orElse("\"0\""))
                .POST(HttpRequest.BodyPublishers.ofString("{\"to\":\"" + to + "\",\"note\":\"负载测试\"}")).build();
        HttpResponse<byte[]> r = send("transition", req);
        if (r != null && r.statusCode() == 200) {
            acknowledged.get(site).incrementAndGet();
        } else if (r != null && r.statusCode() == 412) {
            stale.incrementAndGet();
        }
    }

    private void report(int clients, int seconds) {
        System.out.printf(Locale.ROOT, "%d clients for %d s%n", clients, seconds);
        for (Map.Entry<String, ConcurrentLinkedQueue<Long>> e : new java.util.TreeMap<>(latencies).entrySet()) {
            List<Long> l = new ArrayList<>(e.getValue());
            Collections.sort(l);
            System.out.printf(Locale.ROOT, "%-10s n=%6d  p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms%n", e.getKey(),
                    l.size(), pct(l, 0.50), pct(l, 0.95), pct(l, 0.99));
        }
        System.out.println("errors (other than 412): " + (errors.isEmpty() ? "0" : errors));
        System.out.println("412 (stale version, expected): " + stale.get());
    }

    private void checkHistory(String jdbc, java.sql.Timestamp since) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc); PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM status_event WHERE site_id = ? AND event_type = 'TRANSITION' AND at >= ?")) {
            int bad = 0;
            for (Map.Entry<Long, AtomicInteger> e : acknowledged.entrySet()) {
                ps.setLong(1, e.getKey());
                ps.setTimestamp(2, since);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) != e.getValue().get()) {
                        bad++;
                        System.out.printf("site %d: %d events, %d acknowledged%n", e.getKey(), rs.getInt(1),
                                e.getValue().get());
                    }
                }
            }
            System.out.println("history: " + (bad == 0 ? "exactly one event per acknowledged transition ("
                    + acknowledged.values().stream().mapToInt(AtomicInteger::get).sum() + ")" : bad + " sites differ"));
        }
    }

    private double itemsThroughput(int connections, int seconds) throws InterruptedException {
        AtomicLong done = new AtomicLong();
        run(connections, seconds, r -> {
            HttpResponse<byte[]> resp = get("items32", "/ogc/collections/waste_heaps/items?limit=100&bbox=" + bbox(r),
                    false);
            if (resp != null && resp.statusCode() == 200) {
                done.incrementAndGet();
            }
        });
        return done.get() / (double) seconds;
    }

    /**
     * The statement FeatureStore runs for the same anonymous request (a page whose count is not cached: the page
     * cut from its bounded matches with their count, geometries as GeoJSON), straight through JDBC with the
     * service's session setting (plans made with the bound values), reading every column.
     */
    private static double directThroughput(String jdbc, int connections, int seconds) throws InterruptedException {
        String sql = """
                SELECT s.id, s.version, s.code, s.name, s.kind, s.status, s.township, s.area_m2, s.updated_at,
                       (s.attributes->>'category'), CAST((s.attributes->>'volume_m3') AS DOUBLE PRECISION),
                       (s.attributes->>'risk_grade'), (s.attributes->>'control_measure'), ST_AsGeoJSON(s.geom, 7),
                       COUNT(*) OVER ()
                FROM (SELECT * FROM site s WHERE (s.kind = ? AND s.deleted_at IS NULL)
                  AND ((s.geom && ST_MakeEnvelope(?, ?, ?, ?, 4326)
                  AND ST_Intersects(s.geom, ST_MakeEnvelope(?, ?, ?, ?, 4326)))) LIMIT ?) s
                ORDER BY s.id LIMIT ? OFFSET ?""";
        AtomicLong done = new AtomicLong();
        java.util.Properties session = new java.util.Properties();
        session.setProperty("options", "-c plan_cache_mode=force_custom_plan");
        ThreadLocal<Connection> conn = ThreadLocal.withInitial(() -> {
            try {
                return DriverManager.getConnection(jdbc, session);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        run(connections, seconds, r -> {
            double[] b = box(r);
            try (PreparedStatement ps = conn.get().prepareStatement(sql)) {
                ps.setString(1, "waste_heap");
                for (int i = 0; i < 8; i++) {
                    ps.setDouble(i + 2, b[i % 4]);
                }
                ps.setLong(10, 10_001);
                ps.setInt(11, 100);
                ps.setLong(12, 0);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        for (int c = 1; c <= 15; c++) {
                            rs.getObject(c);
                        }
                    }
                }
                done.incrementAndGet();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return done.get() / (double) seconds;
    }

    private static void run(int threads, int seconds, java.util.function.Consumer<Random> work)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long end = System.currentTimeMillis() + seconds * 1000L;
        for (int t = 0; t < threads; t++) {
            Random r = new Random(1000 + t);
            pool.submit(() -> {
                while (System.currentTimeMillis() < end) {
                    work.accept(r);
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 120L, TimeUnit.SECONDS);
    }

    private static List<Long> hotSites(String jdbc) throws Exception {
        List<Long> ids = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbc); ResultSet rs = c.createStatement().executeQuery(
                "SELECT id FROM site WHERE kind = 'recycling_site' AND status IN ('operating', 'suspended')"
                        + " AND deleted_at IS NULL ORDER BY id LIMIT 5")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    /** A 2–5 km box inside the district. */
    private static double[] box(Random r) {
        double w = (2 + 3 * r.nextDouble()) / 85.0;
        double h = w * 0.75;
        double x = DISTRICT[0] + r.nextDouble() * (DISTRICT[2] - DISTRICT[0] - w);
        double y = DISTRICT[1] + r.nextDouble() * (DISTRICT[3] - DISTRICT[1] - h);
        return new double[] {x, y, x + w, y + h};
    }

    private static String bbox(Random r) {
        double[] b = box(r);
        return String.format(Locale.ROOT, "%.5f,%.5f,%.5f,%.5f", b[0], b[1], b[2], b[3]);
    }

    /** A z12–z14 WebMercatorQuad tile inside the district. */
    private static String tile(Random r) {
        int z = 12 + r.nextInt(3);
        double lon = DISTRICT[0] + r.nextDouble() * (DISTRICT[2] - DISTRICT[0]);
        double lat = DISTRICT[1] + r.nextDouble() * (DISTRICT[3] - DISTRICT[1]);
        int n = 1 << z;
        int x = (int) ((lon + 180) / 360 * n);
        double rad = Math.toRadians(lat);
        int y = (int) ((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2 * n);
        return "/ogc/tiles/WebMercatorQuad/" + z + "/" + y + "/" + x;
    }

    private static double pct(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) (p * sorted.size()))) / 1e6;
    }
}
