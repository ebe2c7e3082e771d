package org.wufei.gis.analysis.process;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;

/**
 * bench/processes.sh's measuring part: nearest-sites and sites-within-distance through the service (HTTP, JSON in
 * and out) against the same SQL run directly over JDBC, on random points of the district; river-screening and
 * straw-coverage timed once each through the service. Prints p50/p95 and the ratio.
 * Args: jdbc-url service-url requests [bare-service-url]
 */
public final class ProcessBenchmark {
    private static final double[] BOX = {110.06, 40.62, 110.50, 40.86};
    /** Answers uncompressed, as the JDBC reference reads its rows (see {@link #post}). */
    private static final CloseableHttpClient CLIENT = HttpClients.custom().disableContentCompression().build();
    /**
     * Requests to the service alone before measuring, then rounds of both: a service runs for days, so its steady
     * state is what counts. On a two-core machine the JIT was still compiling the request path after thousands of
     * requests (C2 used 10 s of CPU in the first 2,300 nearest-sites requests, under 1 s in the next).
     */
    private static final int SERVICE_WARM_UP = 3_000;
    private static final int WARM_UP = 200;
    private static String auth;
    /** The bare Spring Boot service (bench/bare-sql-app) asked the same questions, or null. */
    private static String bare;

    private ProcessBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String jdbc = args[0];
        String service = args[1];
        int n = Integer.parseInt(args[2]);
        bare = args.length > 3 ? args[3] : null;
        auth = "Basic " + Base64.getEncoder().encodeToString("planner:demo".getBytes(StandardCharsets.UTF_8));
        try (Connection c = DriverManager.getConnection(jdbc)) {
            try (java.sql.Statement session = c.createStatement()) { // the service's settings for its statements
                session.execute(ProcessSql.SESSION.replace(", true)", ", false)"));
            }
            compare("nearest-sites k=10", n, service, c, ProcessBenchmark::nearestBody, ProcessBenchmark::nearestSql);
            compare("sites-within-distance 300 m", n, service, c, ProcessBenchmark::withinBody,
                    ProcessBenchmark::withinSql);
        }
        try (Connection c = DriverManager.getConnection(jdbc)) {
            job("river-screening heaps 10 m", service, c, "river-screening",
                    "{\"inputs\": {\"distance\": 10, \"kinds\": [\"waste_heap\"], \"detections\": false}}");
        }
        once("straw-coverage", service, "straw-coverage", "{\"inputs\": {}}");
    }

    interface Body {
        String of(double[] p);
    }

    interface Direct {
        int run(Connection c, double[] p) throws Exception;
    }

    private static void compare(String name, int n, String service, Connection c, Body body, Direct direct)
            throws Exception {
        String process = name.split(" ")[0];
        SplittableRandom warm = new SplittableRandom(7);
        for (int i = 0; i < SERVICE_WARM_UP; i++) {
            double[] p = {BOX[0] + warm.nextDouble() * (BOX[2] - BOX[0]),
                BOX[1] + warm.nextDouble() * (BOX[3] - BOX[1])};
            post(service, process, body.of(p));
            if (bare != null) {
                post(bare, process, body.of(p));
            }
        }
        SplittableRandom rnd = new SplittableRandom(42);
        int ways = bare == null ? 2 : 3; // the service, the SQL, the bare Spring Boot service
        double[][] took = new double[ways][n];
        for (int i = -WARM_UP; i < n; i++) {
            double[] p = {BOX[0] + rnd.nextDouble() * (BOX[2] - BOX[0]), BOX[1] + rnd.nextDouble() * (BOX[3] - BOX[1])};
            // each way goes first in turn: the second to read a point's pages finds them cached
            String[] answers = new String[2];
            int rows = 0;
            for (int w = 0; w < ways; w++) {
                int way = (w + i + WARM_UP) % ways;
                long t0 = System.nanoTime();
                if (way == 1) {
                    rows = direct.run(c, p);
                } else {
                    answers[way == 0 ? 0 : 1] = post(way == 0 ? service : bare, process, body.of(p));
                }
                if (i >= 0) {
                    took[way][i] = (System.nanoTime() - t0) / 1e6;
                }
            }
            for (String answer : answers) {
                if (answer != null && rows > 0 && !answer.contains("\"numberReturned\":" + rows)) {
                    throw new IllegalStateException(name + ": an answer and the SQL disagree at " + Arrays.toString(p));
                }
            }
        }
        double[] viaService = took[0];
        double[] viaJdbc = took[1];
        System.out.printf(Locale.ROOT, "%-30s service p50 %6.1f ms p95 %6.1f ms | SQL p50 %6.1f ms p95 %6.1f ms |"
                + " ratio p50 %.2f p95 %.2f%n", name, pct(viaService, 50), pct(viaService, 95), pct(viaJdbc, 50),
                pct(viaJdbc, 95), pct(viaService, 50) / pct(viaJdbc, 50), pct(viaService, 95) / pct(viaJdbc, 95));
        if (bare != null) {
            double[] viaBare = took[2];
            System.out.printf(Locale.ROOT, "%-30s bare Spring Boot + JDBC p50 %6.1f ms p95 %6.1f ms | ratio to SQL p50"
                    + " %.2f p95 %.2f%n", "", pct(viaBare, 50), pct(viaBare, 95), pct(viaBare, 50) / pct(viaJdbc, 50),
                    pct(viaBare, 95) / pct(viaJdbc, 95));
        }
    }

    /** Best of three after one warm-up; an answer other than 200 (e.g. result_too_large) is printed, not thrown. */
    private static void once(String name, String service, String process, String body) throws Exception {
        execute(service, process, body, null);
        double best = Double.MAX_VALUE;
        String json = "";
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            json = execute(service, process, body, null).body();
            best = Math.min(best, (System.nanoTime() - t0) / 1e6);
        }
        int at = json.indexOf("\"numberReturned\":");
        System.out.printf(Locale.ROOT, "%-30s best of 3: %7.1f ms (%s)%n", name, best,
                at < 0 ? json.substring(0, Math.min(200, json.length())) : json.substring(at, json.indexOf(',', at)));
    }

    /**
     * The process as an asynchronous job (its result is over max-results): submitted, followed every 50 ms until it
     * ends, then its first page of 1,000 rows read; best of three after one run to warm up. Reference: the screening
     * statement itself over JDBC (the SQL RiverScreening runs for these inputs, every row read), best of three.
     */
    private static void job(String name, String service, Connection c, String process, String body)
            throws Exception {
        double bestJob = Double.MAX_VALUE;
        double bestPage = Double.MAX_VALUE;
        String status = "";
        String page = "";
        for (int i = -1; i < 3; i++) { // one run to warm up
            long t0 = System.nanoTime();
            Answer created = execute(service, process, body, "respond-async");
            if (created.location() == null) {
                throw new IllegalStateException(process + ": HTTP " + created.status() + " " + created.body());
            }
            String location = created.location();
            do {
                Thread.sleep(50);
                status = get(location);
            } while (status.contains("\"status\":\"accepted\"") || status.contains("\"status\":\"running\""));
            double took = (System.nanoTime() - t0) / 1e6;
            long t1 = System.nanoTime();
            page = get(location + "/results?limit=1000");
            if (i >= 0) {
                bestJob = Math.min(bestJob, took);
                bestPage = Math.min(bestPage, (System.nanoTime() - t1) / 1e6);
            }
        }
        double bestSql = Double.MAX_VALUE;
        int rows = 0;
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            rows = riverSql(c);
            bestSql = Math.min(bestSql, (System.nanoTime() - t0) / 1e6);
        }
        int at = page.indexOf("\"numberMatched\":");
        System.out.printf(Locale.ROOT, "%-30s job best of 3: %7.1f ms submitted to successful (%s), first page of"
                + " 1,000: %6.1f ms (%s) | the screening SQL alone: %7.1f ms, %d rows%n", name, bestJob,
                status.replaceAll(".*\"status\":\"([a-z]+)\".*", "$1"), bestPage,
                at < 0 ? page.substring(0, Math.min(200, page.length())) : page.substring(at, page.indexOf(',', at)),
                bestSql, rows);
    }

    private static String get(String url) throws Exception {
        return send(new HttpGet(url)).body();
    }

    /**
     * RiverScreening's statement for heaps within 10 m of the tributaries and the main stem, over all the pieces at
     * once (the service runs it in two halves of the pieces side by side).
     */
    private static int riverSql(Connection c) throws Exception {
        String sql = "SELECT y.id, y.code, y.name, y.kind, y.status, y.township, y.rname, y.rlevel, y.d,"
                + " ST_AsGeoJSON(y.geom, 7) AS geojson FROM (SELECT DISTINCT ON (p.id) p.* FROM (SELECT s.id, s.code,"
                + " s.name, s.kind, s.status, s.township, s.geom, r.rname, r.rlevel, ST_Distance(ST_Transform(s.geom,"
                + " 4546), r.rmetric) AS d FROM (SELECT rname, rlevel, rgeom, ST_Transform(rgeom, 4546) AS rmetric FROM"
                + " (SELECT name AS rname, yellow_river_basin AS rlevel, (ST_DumpSegments(ST_Segmentize(geom, 0.002)))"
                + ".geom AS rgeom FROM river WHERE yellow_river_basin IN (?, ?)) q OFFSET 0) r JOIN site s ON s.geom &&"
                + " ST_Expand(r.rgeom, ?, ?) WHERE s.deleted_at IS NULL AND s.kind = ? AND ST_DWithin(s.geom,"
                + " r.rgeom, ?) OFFSET 0) p WHERE p.d <= ? ORDER BY p.id, p.d, p.rname) y";
        double dLat = 10 * 1.05 / 110_574.0;
        double dLon = 10 * 1.05 / (111_320.0 * Math.cos(Math.toRadians(40.8931 + 0.5)));
        try (java.sql.Statement session = c.createStatement()) { // the service's settings for such statements
            session.execute(ProcessSql.SESSION.replace(", true)", ", false)"));
            session.execute("SET jit = off");
            session.execute("SET work_mem = '64MB'");
        }
        return readAll(c, sql, List.of("main_stem", "tributary", dLon, dLat, "waste_heap", Math.max(dLon, dLat), 10.0));
    }

    /** Runs the statement with these parameters and reads every row's GeoJSON and distance, as the service does. */
    private static int readAll(Connection c, String sql, List<Object> params) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            int rows = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getString("geojson");
                    rs.getDouble("d");
                    rows++;
                }
            }
            return rows;
        }
    }

    /** A service's answer: status, body and the Location header (a created job) if any. */
    private record Answer(int status, String body, String location) {
    }

    /** An execution of the process, with a {@code Prefer} header unless null. */
    private static Answer execute(String service, String process, String body, String prefer) throws Exception {
        HttpPost post = new HttpPost(service + "/ogc/processes/" + process + "/execution");
        post.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
        if (prefer != null) {
            post.setHeader("Prefer", prefer);
        }
        return send(post);
    }

    /**
     * Every request goes over a kept-alive connection, on the calling thread like the JDBC reference (Apache
     * HttpClient's classic client: each small request goes out in one write, with TCP_NODELAY). Measured on this
     * machine against the echo process (no SQL): 0.6 ms p50 with such a client, 2.2 ms with HttpURLConnection
     * (headers and body in two writes) and more with the JDK's HttpClient (every exchange handed to its selector
     * thread and back): costs of the client the ratio would have charged to the service. It does not ask for gzip: a
     * 300 m search's answer of about 180 KB then costs the service a compression the JDBC reference has no
     * counterpart for (a browser asks for it; over a network it pays for itself).
     */
    private static Answer send(HttpUriRequestBase request) throws Exception {
        request.setHeader("Authorization", auth);
        return CLIENT.execute(request, res -> new Answer(res.getCode(),
                EntityUtils.toString(res.getEntity(), StandardCharsets.UTF_8),
                res.containsHeader("Location") ? res.getFirstHeader("Location").getValue() : null));
    }

    /** An execution for its answer, which must be 200. */
    private static String post(String service, String process, String body) throws Exception {
        Answer answer = execute(service, process, body, null);
        if (answer.status() != 200) {
            throw new IllegalStateException(process + ": HTTP " + answer.status() + " " + answer.body());
        }
        return answer.body();
    }

    private static String point(double[] p) {
        return String.format(Locale.ROOT, "{\"type\": \"Point\", \"coordinates\": [%.6f, %.6f]}", p[0], p[1]);
    }

    private static String nearestBody(double[] p) {
        return "{\"inputs\": {\"point\": " + point(p) + ", \"k\": 10}}";
    }

    private static String withinBody(double[] p) {
        return "{\"inputs\": {\"geometry\": " + point(p) + ", \"distance\": 300}}";
    }

    /** The statement NearestSites runs (the same text, bound the same way), with its growing radius. */
    private static int nearestSql(Connection c, double[] p) throws Exception {
        double radius = 250;
        while (true) {
            int rows = rangeQuery(c, p, radius, 10);
            if (rows >= 10 || radius > 80_000) {
                return rows;
            }
            radius *= 4;
        }
    }

    private static int withinSql(Connection c, double[] p) throws Exception {
        return rangeQuery(c, p, 300, 20_001);
    }

    private static int rangeQuery(Connection c, double[] p, double metres, int limit) throws Exception {
        String sql = "SELECT * FROM (SELECT s.id, s.code, s.name, s.kind, s.status, s.township,"
                + " ST_AsGeoJSON(s.geom, 7) AS geojson, ST_Distance(ST_Transform(s.geom, 4546),"
                + " ST_Transform(ST_GeomFromText(?, 4326), 4546)) AS d FROM site s"
                + " WHERE s.geom && ST_MakeEnvelope(?, ?, ?, ?, 4326)"
                + " AND s.deleted_at IS NULL) c WHERE c.d <= ? ORDER BY c.d, c.id LIMIT ?"; // every kind: no condition
        String wkt = String.format(Locale.ROOT, "POINT (%.6f %.6f)", p[0], p[1]);
        double dLat = metres * 1.05 / 110_574.0;
        double dLon = metres * 1.05 / (111_320.0 * Math.cos(Math.toRadians(40.8931 + 0.5)));
        return readAll(c, sql, List.of(wkt, p[0] - dLon, p[1] - dLat, p[0] + dLon, p[1] + dLat, metres, limit));
    }

    private static double pct(double[] values, int p) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(p / 100.0 * s.length) - 1)];
    }
}
