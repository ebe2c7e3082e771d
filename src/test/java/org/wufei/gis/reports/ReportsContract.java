package org.wufei.gis.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.GpsDirectory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wufei.gis.support.Http;
import org.wufei.gis.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Public reports (举报) over real HTTP on a real database: a report becomes a detection in the verification queue and
 * its tracking code shows the outcome and nothing private; each hostile input is refused (or kept harmless) with
 * nothing stored. Every test reports from a client address of its own (X-Forwarded-For, as a load balancer sends it).
 */
@IntegrationTest
abstract class ReportsContract {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    Http http;
    String client;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        ThreadLocalRandom r = ThreadLocalRandom.current();
        client = "198.51." + r.nextInt(256) + "." + r.nextInt(1, 255);
    }

    @Test
    void aReportBecomesANewDetectionInTheQueueAndItsCodeShowsTheOutcomeButNothingPrivate() throws Exception {
        Http.Response r = report(fixture("report-valid-with-photo.properties"), "photo-with-exif-gps.jpg");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String code = r.json().path("trackingCode").asString();
        assertThat(code).matches("[2-9A-Z]{5}-[2-9A-Z]{5}");
        assertThat(r.header("Location")).isEqualTo("/api/reports/" + code);

        JsonNode status = http.get("/api/reports/" + code).json();
        assertThat(status.path("status").asString()).isEqualTo("received");
        assertThat(status.path("statusLabel").path("zh").asString()).isEqualTo("已受理，待核查");
        String publicBody = http.get("/api/reports/" + code).body();
        assertThat(publicBody).doesNotContain("13800000000", "生活垃圾", client, "127.0.0.1", "phone", "description");

        long detection = jdbc.sql("SELECT detection_id FROM public_report WHERE tracking_code = ?").param(code)
                .query(Long.class).single();
        JsonNode queued = http.get("/api/detections/" + detection, "admin").json();
        assertThat(queued.at("/properties/triage").asString()).isEqualTo("new");
        assertThat(queued.at("/properties/source").asString()).isEqualTo("manual");

        byte[] photo = bytes("/api/reports/" + code + "/photo", "admin");
        assertThat(photo).startsWith(0xFF, 0xD8); // a JPEG, re-encoded
        Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(photo));
        assertThat(metadata.getFirstDirectoryOfType(GpsDirectory.class)).as("EXIF GPS").isNull();
        assertThat(new String(photo, StandardCharsets.ISO_8859_1)).doesNotContain("Exif");
        assertThat(http.get("/api/reports/" + code + "/photo").status()).as("photo for the public").isEqualTo(401);

        Http.Response promoted = http.post("/api/detections/" + detection + "/promote", "admin", null, null);
        assertThat(promoted.status()).as(promoted.body()).isEqualTo(201);
        JsonNode after = http.get("/api/reports/" + code).json();
        assertThat(after.path("status").asString()).isEqualTo("confirmed");
        assertThat(after.path("siteStatus").asString()).isEqualTo("suspected");
    }

    @Test
    void aLocationOutsideTheDistrictIsRefusedAndNothingIsStored() {
        long before = reports();
        Http.Response r = report(fixture("report-location-outside-district.properties"), null);
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.code()).isEqualTo("report_outside_district");
        assertThat(reports()).isEqualTo(before);
    }

    @Test
    void aFileThatIsNoImageIsRefusedAndNothingIsStored() {
        long before = reports();
        Http.Response r = report(fixture("report-valid-with-photo.properties"), "non-image-html-named-photo.jpg");
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.code()).isEqualTo("photo_not_image");
        assertThat(reports()).isEqualTo(before);
    }

    @Test
    void anOversizedPhotoIsRefusedByItsPixelsAndByItsBytes() throws IOException {
        long before = reports();
        Http.Response pixels = report(fixture("report-valid-with-photo.properties"),
                "photo-oversized-60000x60000-pixels.png");
        assertThat(pixels.status()).as(pixels.body()).isEqualTo(422);
        assertThat(pixels.code()).isEqualTo("photo_too_many_pixels");

        // over 5 MB: the photo fixture with padding after its end (a repository fixture that size would be waste)
        byte[] small = Files.readAllBytes(Path.of("src/test/resources/reports/photo-with-exif-gps.jpg"));
        byte[] big = java.util.Arrays.copyOf(small, 5 * 1024 * 1024 + 1);
        Http.Response bytes = post(fixture("report-valid-with-photo.properties"), "photo-oversized-bytes.jpg", big);
        assertThat(bytes.status()).as(bytes.body()).isEqualTo(413);
        assertThat(bytes.code()).isEqualTo("photo_too_large");
        assertThat(reports()).isEqualTo(before);
    }

    @Test
    void scriptInTheTextIsKeptAsPlainTextAndNeverShownToThePublic() {
        Map<String, String> form = fixture("report-description-with-script.properties");
        Http.Response r = report(form, null);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String code = r.json().path("trackingCode").asString();
        assertThat(jdbc.sql("SELECT description FROM public_report WHERE tracking_code = ?").param(code)
                .query(String.class).single()).isEqualTo(form.get("description"));
        Http.Response status = http.get("/api/reports/" + code);
        assertThat(status.header("Content-Type")).startsWith("application/json");
        assertThat(status.body()).doesNotContain("<script", "onerror", "0472-1234567");
    }

    @Test
    void aFloodBeyondTheRateLimitIsAnswered429WithRetryAfterAndNotStored() {
        Map<String, String> form = fixture("report-flood-beyond-rate-limit.properties");
        long before = reports();
        for (int i = 0; i < 5; i++) {
            Http.Response ok = report(form, null);
            assertThat(ok.status()).as("report %d: %s", i + 1, ok.body()).isEqualTo(201);
        }
        Http.Response refused = report(form, null);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.code()).isEqualTo("report_rate_limited");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 3600L);
        assertThat(reports()).isEqualTo(before + 5);
        client = "203.0.113.77"; // another client is not held up
        assertThat(report(form, null).status()).isEqualTo(201);
    }

    @Test
    void anUnknownOrMalformedTrackingCodeIs404Problem() {
        Http.Response unknown = http.get("/api/reports/ABCDE-FGHJK");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("report_not_found");
        assertThat(http.get("/api/reports/' OR 1=1 --".replace(" ", "%20").replace("'", "%27")).status())
                .isEqualTo(404);
    }

    @Test
    void anUnknownFieldIs400AndAMissingDescription400() {
        Map<String, String> form = new LinkedHashMap<>(fixture("report-valid-with-photo.properties"));
        form.put("reporter_ip", "10.0.0.1");
        Http.Response unknown = report(form, null);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.code()).isEqualTo("parameter_unknown");
        form.remove("reporter_ip");
        form.remove("description");
        assertThat(report(form, null).code()).isEqualTo("parameter_missing");
    }

    long reports() {
        return jdbc.sql("SELECT COUNT(*) FROM public_report").query(Long.class).single();
    }

    static Map<String, String> fixture(String name) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("src/test/resources/reports", name), StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> out = new LinkedHashMap<>();
        p.stringPropertyNames().stream().sorted().forEach(k -> out.put(k, p.getProperty(k)));
        return out;
    }

    Http.Response report(Map<String, String> fields, String photoFixture) {
        try {
            return post(fields, photoFixture, photoFixture == null ? null
                    : Files.readAllBytes(Path.of("src/test/resources/reports", photoFixture)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Http.Response post(Map<String, String> fields, String photoName, byte[] photo) {
        String boundary = "----report" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            for (var e : fields.entrySet()) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey()
                        + "\"\r\n\r\n" + e.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            if (photo != null) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\""
                        + photoName + "\"\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                body.write(photo);
                body.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(http.base() + "/api/reports"))
                    .timeout(Duration.ofSeconds(60)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .header("X-Forwarded-For", client).POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                    .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Http.Response(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    byte[] bytes(String path, String user) throws Exception {
        HttpResponse<byte[]> r = CLIENT.send(HttpRequest.newBuilder(URI.create(http.base() + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo")
                        .getBytes(StandardCharsets.UTF_8))).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }
}
