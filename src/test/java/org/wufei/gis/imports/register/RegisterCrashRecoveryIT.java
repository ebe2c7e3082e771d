package org.wufei.gis.imports.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wufei.gis.support.Http;
import org.wufei.gis.support.ServiceProcess;
import tools.jackson.databind.JsonNode;

/**
 * Kills a separate service process while it imports a large register in the background, restarts it on the same
 * file-based H2GIS database, and checks that the import is failed with no site of it kept, and that it can then be
 * retried from the kept file: a register import survives a restart as a detection batch does.
 */
class RegisterCrashRecoveryIT {
    private static final int ROWS = 3000;
    private static final String MAPPING = "{\"编号\":\"code\",\"名称\":\"name\",\"类别\":\"category\",\"状态\":\"status\"}";

    @TempDir
    Path dir;

    @Test
    void aRegisterImportKilledMidRunIsFailedAfterRestartWithNoSiteKeptAndCanBeRetried() throws Exception {
        int port = ServiceProcess.freePort();
        Http http = new Http(port);
        Process app = start(port, "first");
        long id;
        try {
            ServiceProcess.waitUntil(app, dir.resolve("first.log"), () -> ServiceProcess.demoLoaded(http));
            HttpResponse<String> r = post(http, register());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
            id = Http.JSON.readTree(r.body()).path("id").asLong();
            JsonNode running = waitForProgress(http, id);
            assertThat(running.path("state").asString()).isEqualTo("running");
        } finally {
            app.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        Process again = start(port, "second");
        try {
            ServiceProcess.waitUntil(again, dir.resolve("second.log"), () -> ServiceProcess.demoLoaded(http));
            JsonNode failed = http.get("/api/imports/register/" + id + "?lang=en", "admin").json();
            assertThat(failed.path("state").asString()).as(failed.toString()).isEqualTo("failed");
            assertThat(failed.path("errors").get(0).path("code").asString()).isEqualTo("import_interrupted");
            assertThat(failed.path("sites").size()).isZero();

            Http.Response retry = http.post("/api/imports/register/" + id + "/retry", "admin", null, null);
            assertThat(retry.status()).as(retry.body()).isEqualTo(202);
            long deadline = System.currentTimeMillis() + 600_000;
            JsonNode done = retry.json();
            while (!done.path("state").asString().matches("succeeded|failed")
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(500);
                done = http.get("/api/imports/register/" + id, "admin").json();
            }
            assertThat(done.path("state").asString()).as(done.toString()).isEqualTo("succeeded");
            assertThat(done.path("created").asLong() + done.path("existing").asLong()).isEqualTo(ROWS);
        } finally {
            again.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static byte[] register() throws IOException {
        List<RegisterFixtures.Heap> heaps = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            heaps.add(new RegisterFixtures.Heap("CRASH-" + (i + 1), "中断清单点" + i, "建筑垃圾", 100, "", "确认问题",
                    "", "否", 110.05 + (i % 60) * 0.004, 40.62 + (i / 60) * 0.0032));
        }
        return RegisterFixtures.xlsx(heaps);
    }

    private static HttpResponse<String> post(Http http, byte[] xlsx) throws Exception {
        String boundary = "----crash" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (String[] f : new String[][] {{"kind", "waste_heap"}, {"mapping", MAPPING}}) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f[0]
                    + "\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + f[1] + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"清单.xlsx\""
                + "\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(xlsx);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(http.base() + "/api/imports/register"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Prefer", "respond-async")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private Process start(int port, String run) throws IOException {
        return ServiceProcess.start(dir, port, run, "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath() + "/gis",
                "--gis.demo.screening=false");
    }

    private static JsonNode waitForProgress(Http http, long id) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            JsonNode b = http.get("/api/imports/register/" + id, "admin").json();
            if (b.path("state").asString().equals("running") && b.path("progress").asDouble() > 0) {
                return b;
            }
            assertThat(b.path("state").asString()).as(b.toString()).isIn("queued", "running");
            Thread.sleep(20);
        }
        throw new AssertionError("register import never showed progress");
    }
}
