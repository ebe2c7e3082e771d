package org.wufei.gis.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wufei.gis.support.Http;
import org.wufei.gis.support.ServiceProcess;
import tools.jackson.databind.JsonNode;

/**
 * Kills a separate service process in the middle of an import, restarts it on the same file-based H2GIS database,
 * and checks that the batch is failed with none of its detections kept, and that it can then be retried.
 */
class ImportCrashRecoveryIT {
    private static final int FEATURES = 20_000;

    @TempDir
    Path dir;

    @Test
    void aBatchKilledMidImportIsFailedAfterRestartWithNothingKeptAndCanBeRetried() throws Exception {
        int port = ServiceProcess.freePort();
        Http http = new Http(port);
        Process app = start(port, "first");
        long id;
        try {
            ServiceProcess.waitUntil(app, dir.resolve("first.log"), () -> ServiceProcess.demoLoaded(http));
            Http.Response r = new Uploads(http).upload("uploader", "many-points.geojson", manyPoints(),
                    Uploads.form("source", "inspection"));
            assertThat(r.status()).as(r.body()).isEqualTo(202);
            id = r.json().path("id").asLong();
            JsonNode running = waitForProgress(http, id);
            assertThat(running.path("state").asString()).isEqualTo("running");
        } finally {
            app.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        Process again = start(port, "second");
        try {
            ServiceProcess.waitUntil(again, dir.resolve("second.log"), () -> ServiceProcess.demoLoaded(http));
            Http.Response after = http.get("/api/imports/" + id + "?lang=en", "viewer");
            JsonNode batch = after.json();
            assertThat(batch.path("state").asString()).as(after.status() + " " + after.body()).isEqualTo("failed");
            assertThat(batch.path("errors").get(0).path("code").asString()).isEqualTo("import_interrupted");
            assertThat(http.get("/api/imports/" + id + "/detections", "viewer").json().path("numberMatched").asLong()).isZero();

            Http.Response retry = http.post("/api/imports/" + id + "/retry", "uploader", null, null);
            assertThat(retry.status()).as(retry.body()).isEqualTo(202);
            JsonNode done = new Uploads(http).finished("/api/imports/" + id);
            assertThat(done.path("state").asString()).isEqualTo("succeeded");
            assertThat(done.path("accepted").asLong()).isEqualTo(FEATURES);
        } finally {
            again.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private Process start(int port, String run) throws IOException {
        // A long write delay on the URL widens the window in which an acknowledged commit could be lost; the
        // service must make its commits durable regardless.
        return ServiceProcess.start(dir, port, run,
                "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath() + "/gis;WRITE_DELAY=10000",
                "--gis.imports.progress-every=200");
    }

    private static JsonNode waitForProgress(Http http, long id) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            JsonNode b = http.get("/api/imports/" + id, "viewer").json();
            if (b.path("state").asString().equals("running") && b.path("progress").asDouble() > 0) {
                return b;
            }
            assertThat(b.path("state").asString()).isIn("queued", "running");
            Thread.sleep(20);
        }
        throw new AssertionError("import never showed progress");
    }

    private static byte[] manyPoints() {
        StringBuilder sb = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int i = 0; i < FEATURES; i++) {
            double lon = 110.05 + (i % 200) * 0.0024;
            double lat = 40.60 + (i / 200) * 0.0028;
            sb.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
                    "{\"type\":\"Feature\",\"properties\":{\"名称\":\"点%d\"},\"geometry\":{\"type\":\"Point\","
                            + "\"coordinates\":[%.6f,%.6f]}}", i, lon, lat));
        }
        return sb.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }
}
