package org.wufei.gis.replicas;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.wufei.gis.GisApplication;
import org.wufei.gis.imports.Uploads;
import org.wufei.gis.support.Http;
import org.wufei.gis.support.TestDatabases;
import org.wufei.gis.tiles.DecodedTile;
import tools.jackson.databind.JsonNode;

/**
 * Two service instances (two application contexts, two ports) on one PostGIS database and nothing shared in memory:
 * a change through one is in the other's next tile, the same file uploaded to both at once is one batch, and queued
 * work both of them can see is run exactly once.
 */
class TwoReplicasPostgisIT {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static Path dir;
    static String url;
    static ConfigurableApplicationContext a;
    static ConfigurableApplicationContext b;
    static Http httpA;
    static Http httpB;

    @BeforeAll
    static void startTwoReplicas() throws Exception {
        TestDatabases.requirePostgis();
        dir = Files.createTempDirectory("two-replicas");
        url = TestDatabases.newPostgisDatabase();
        a = start("replica-a", true);
        b = start("replica-b", true); // the demo is in already: B finds the register full and loads nothing
        httpA = new Http(port(a));
        httpB = new Http(port(b));
    }

    @AfterAll
    static void stop() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }

    private static ConfigurableApplicationContext start(String name, boolean demo) {
        return new SpringApplicationBuilder(GisApplication.class).run("--server.port=0",
                "--spring.datasource.url=" + url, "--gis.replica.name=" + name,
                "--spring.datasource.hikari.minimum-idle=1",
                "--gis.data-dir=" + dir.resolve(name), "--gis.imports.work-dir=" + dir.resolve("shared-imports"),
                "--gis.imports.poll-seconds=1", "--server.tomcat.basedir=" + dir.resolve(name + "-tomcat"),
                "--gis.demo.enabled=" + demo, "--gis.demo.background=false", "--logging.level.root=WARN");
    }

    private static int port(ConfigurableApplicationContext c) {
        return ((WebServerApplicationContext) c).getWebServer().getPort();
    }

    @Test
    void statusChangeThroughOneReplicaIsInTheOtherReplicasNextTileAndItems() throws Exception {
        double lon = 110.3567;
        double lat = 40.8234;
        JsonNode site = createHeap(httpA, lon, lat);
        long id = site.get("id").asLong();
        String tile = "/ogc/collections/waste_heaps/tiles/WebMercatorQuad/14/" + webMercatorTile(14, lon, lat);
        String items = "/ogc/collections/waste_heaps/items?bbox=" + (lon - 0.001) + "," + (lat - 0.001) + ","
                + (lon + 0.001) + "," + (lat + 0.001) + "&filter=status='assigned'";
        assertThat(statusIn(httpB, tile, id)).isEqualTo("suspected"); // now cached on B
        assertThat(httpB.get(items).json().path("numberMatched").asLong()).isZero(); // count cached on B

        Http.Response moved = httpA.post("/api/sites/" + id + "/transitions", "admin", "{\"to\":\"assigned\"}",
                "\"" + site.get("version").asLong() + "\"");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);

        long start = System.nanoTime();
        String seen = statusIn(httpB, tile, id);
        while (!seen.equals("assigned") && System.nanoTime() - start < 5_000_000_000L) {
            Thread.sleep(20);
            seen = statusIn(httpB, tile, id);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(seen).as("B's tile %d ms after A's change", millis).isEqualTo("assigned");
        assertThat(millis).as("eviction delay on the other replica").isLessThan(2_000);
        assertThat(httpB.get(items).json().path("numberMatched").asLong()).isEqualTo(1);
        assertThat(httpB.get("/api/sites/" + id).json().path("status").asString()).isEqualTo("assigned");
    }

    @Test
    void aReplicaWhoseListeningConnectionIsCutListensAgainAndHearsTheNextChange() throws Exception {
        double lon = 110.3311;
        double lat = 40.8551;
        JsonNode site = createHeap(httpA, lon, lat);
        long id = site.get("id").asLong();
        String tile = "/ogc/collections/waste_heaps/tiles/WebMercatorQuad/14/" + webMercatorTile(14, lon, lat);
        assertThat(statusIn(httpB, tile, id)).isEqualTo("suspected");

        String listening = "SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = 'gis-replica-listen' "
                + "AND datname = current_database() AND (query LIKE 'LISTEN%' OR query = 'SELECT 1')";
        assertThat(count(listening, null)).isEqualTo(2);
        assertThat(count("SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = "
                + "'gis-replica-listen' AND datname = current_database()", null)).isEqualTo(2);
        long deadline = System.currentTimeMillis() + 20_000;
        while (count(listening, null) < 2 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(count(listening, null)).as("both replicas listening again").isEqualTo(2);
        // the reconnect dropped B's cache; cache the tile again so that only a notification can refresh it
        assertThat(statusIn(httpB, tile, id)).isEqualTo("suspected");

        Http.Response moved = httpA.post("/api/sites/" + id + "/transitions", "admin", "{\"to\":\"assigned\"}",
                "\"" + site.get("version").asLong() + "\"");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        String seen = statusIn(httpB, tile, id);
        for (int i = 0; i < 100 && !seen.equals("assigned"); i++) {
            Thread.sleep(20);
            seen = statusIn(httpB, tile, id);
        }
        assertThat(seen).isEqualTo("assigned");
    }

    @Test
    void aChangePublishedAfterItsCommitReachesTheOtherReplicaToo() throws Exception {
        // a public report's detection tells the detections layer after its transaction committed
        double lon = 110.3123;
        double lat = 40.8712;
        String tile = "/ogc/collections/detections/tiles/WebMercatorQuad/14/" + webMercatorTile(14, lon, lat);
        String before = etag(httpB, tile);
        assertThat(etag(httpB, tile)).as("cached on B").isEqualTo(before);

        String boundary = "----two-replicas";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"lon\"\r\n\r\n" + lon + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"lat\"\r\n\r\n" + lat + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\n双副本举报\r\n"
                + "--" + boundary + "--\r\n";
        HttpResponse<String> reported = CLIENT.send(HttpRequest.newBuilder(URI.create(httpA.base() + "/api/reports"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);

        String after = etag(httpB, tile);
        for (int i = 0; i < 100 && after.equals(before); i++) {
            Thread.sleep(20);
            after = etag(httpB, tile);
        }
        assertThat(after).as("B's detections tile after A's report").isNotEqualTo(before);
    }

    private static String etag(Http http, String path) throws Exception {
        HttpResponse<byte[]> r = CLIENT.send(HttpRequest.newBuilder(URI.create(http.base() + path))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8))).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(path).isIn(200, 204);
        return r.headers().firstValue("ETag").orElse("none");
    }

    @Test
    void theSameFileUploadedToBothReplicasAtOnceIsOneBatch() throws Exception {
        byte[] file = points(UUID.randomUUID().toString(), 110.351, 40.721, 5);
        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<Http.Response>> answers = new ArrayList<>();
        for (Http http : List.of(httpA, httpB)) {
            answers.add(CompletableFuture.supplyAsync(() -> {
                await(together);
                return new Uploads(http).upload("uploader", "same-file-to-both-replicas.geojson", file,
                        Uploads.form("source", "inspection"));
            }));
        }
        List<Long> ids = new ArrayList<>();
        for (var answer : answers) {
            Http.Response r = answer.get();
            assertThat(r.status()).as(r.body()).isIn(200, 202);
            ids.add(r.json().path("id").asLong());
        }
        assertThat(ids.get(0)).isEqualTo(ids.get(1));
        assertThat(count("SELECT COUNT(*) FROM import_batch WHERE content_sha256 = ?", Uploads.sha256(file)))
                .isEqualTo(1);
        JsonNode done = new Uploads(httpB).finished("/api/imports/" + ids.get(0));
        assertThat(done.path("state").asString()).as(done.toString()).isEqualTo("succeeded");
        assertThat(count("SELECT COUNT(*) FROM detection WHERE batch_id = ?", ids.get(0))).isEqualTo(5);
    }

    @Test
    void queuedBatchesBothReplicasCanSeeAreEachRunOnce() throws Exception {
        // Batches left queued in the database with their files in the work directory both replicas share (as after
        // a restart, or uploads to a replica whose workers are busy): both replicas look for them every second.
        int batches = 8;
        int perBatch = 7;
        List<Long> ids = new ArrayList<>();
        String tag = UUID.randomUUID().toString();
        try (Connection c = DriverManager.getConnection(url)) {
            for (int i = 0; i < batches; i++) {
                byte[] content = points(tag + i, 110.44, 40.74 + i * 0.002, perBatch);
                String sha = Uploads.sha256(content);
                Path stored = dir.resolve("shared-imports").resolve(sha).resolve("queued-" + i + ".geojson");
                Files.createDirectories(stored.getParent());
                Files.write(stored, content);
                try (PreparedStatement s = c.prepareStatement("""
                        INSERT INTO import_batch (content_sha256, file_name, format, source, state, strict,
                            uploaded_by, created_at) VALUES (?, ?, 'geojson', 'inspection', 'queued', false,
                            'uploader', ?) RETURNING id""")) {
                    s.setString(1, sha);
                    s.setString(2, "queued-" + i + ".geojson");
                    s.setObject(3, OffsetDateTime.now());
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        ids.add(rs.getLong(1));
                    }
                }
            }
        }
        for (long id : ids) {
            JsonNode done = new Uploads(httpA).finished("/api/imports/" + id);
            assertThat(done.path("state").asString()).as(done.toString()).isEqualTo("succeeded");
            assertThat(done.path("accepted").asLong()).isEqualTo(perBatch);
            assertThat(count("SELECT COUNT(*) FROM detection WHERE batch_id = ?", id)).isEqualTo(perBatch);
        }
        assertThat(count("SELECT COUNT(DISTINCT claimed_by) FROM import_batch WHERE id = ANY(?)", ids))
                .as("replicas that ran them").isBetween(1L, 2L);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(String sql, Object value) throws Exception {
        try (Connection c = DriverManager.getConnection(url); PreparedStatement s = c.prepareStatement(sql)) {
            if (value == null) {
                // no parameter
            } else if (value instanceof List<?> list) {
                s.setArray(1, c.createArrayOf("bigint", list.toArray()));
            } else {
                s.setObject(1, value);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static byte[] points(String tag, double lon, double lat, int n) {
        StringBuilder sb = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
                    "{\"type\":\"Feature\",\"properties\":{\"名称\":\"%s-%d\"},\"geometry\":{\"type\":\"Point\","
                            + "\"coordinates\":[%.6f,%.6f]}}", tag, i, lon + i * 0.001, lat)); // 85 m apart: no two merge
        }
        return sb.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** "{row}/{col}" of the WebMercatorQuad tile holding the point at zoom z (the slippy-map formula). */
    private static String webMercatorTile(int z, double lon, double lat) {
        int n = 1 << z;
        int col = (int) Math.floor((lon + 180) / 360 * n);
        double r = Math.toRadians(lat);
        int row = (int) Math.floor((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * n);
        return row + "/" + col;
    }

    private static JsonNode createHeap(Http http, double lon, double lat) {
        String body = """
                {"kind":"waste_heap","name":"双副本测试堆场","township":"五当召镇",
                 "geometry":{"type":"Polygon","coordinates":[[[%1$s,%2$s],[%3$s,%2$s],[%3$s,%4$s],[%1$s,%4$s],
                 [%1$s,%2$s]]]},"attributes":{"category":"smelting_slag"}}""".formatted(lon, lat, lon + 0.0008,
                lat + 0.0006);
        Http.Response r = http.post("/api/sites", "admin", body, null);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private static String statusIn(Http http, String path, long id) throws Exception {
        HttpResponse<byte[]> r = CLIENT.send(HttpRequest.newBuilder(URI.create(http.base() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        Map<String, Object> feature = DecodedTile.of(r.body()).layer("waste_heaps").get(id);
        assertThat(feature).as("site " + id + " in " + path).isNotNull();
        return (String) feature.get("status");
    }
}
