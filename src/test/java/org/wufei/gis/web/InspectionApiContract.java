package org.wufei.gis.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.wufei.gis.support.Http;
import org.wufei.gis.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The inspection API over real HTTP: photos proven to be images, EXIF read safely, sent once; each subclass runs it
 * on one of the two databases.
 */
@IntegrationTest
abstract class InspectionApiContract {
    @LocalServerPort
    int port;
    Http http;

    /** Per database (subclass): the contexts are separate, so are their sites. */
    private static final java.util.Map<Class<?>, Long> BAD_INPUT_SITES = new java.util.concurrent.ConcurrentHashMap<>();

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    /** One heap for the refused requests: none of them may leave an inspection behind. */
    private long badInputSite() {
        return BAD_INPUT_SITES.computeIfAbsent(getClass(),
                c -> TestSites.heapInVerifying(http, "坏输入测试堆场", 110.34, 40.74).get("id").asLong());
    }

    @Test
    void inspectorStoresAnInspectionWithAPhotoWhoseExifPositionAndTimeAreKept() {
        JsonNode site = TestSites.heapInVerifying(http, "核查照片测试堆场", 110.2678, 40.6720);
        String id = UUID.randomUUID().toString();
        HttpResponse<String> r = post(site.get("id").asLong(), "inspector", form(id, "堆体仍在", null, null),
                "photo-with-exif-gps.jpg");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode photo = Http.JSON.readTree(r.body()).get("photos").get(0);
        assertThat(photo.get("exifLat").asDouble()).isCloseTo(40.6720, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(photo.get("exifLon").asDouble()).isCloseTo(110.2678, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(photo.get("exifTime").asString()).startsWith("2026-11-20");
        HttpResponse<byte[]> thumb = getBytes(photo.get("thumbnailUrl").asString());
        assertThat(thumb.statusCode()).isEqualTo(200);
        assertThat(thumb.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(thumb.body()[0] & 0xff).isEqualTo(0xff);
        JsonNode list = http.get("/api/sites/" + site.get("id").asLong() + "/inspections", "viewer").json();
        assertThat(list.size()).isEqualTo(1);
        assertThat(list.get(0).get("distanceM").asDouble()).isLessThan(50);
    }

    @Test
    void sendingTheSameInspectionTwiceStoresItOnce() {
        long site = TestSites.heapInVerifying(http, "重复发送测试堆场", 110.30, 40.70).get("id").asLong();
        String id = UUID.randomUUID().toString();
        String form = form(id, "离线时记录", null, null);
        assertThat(post(site, "inspector", form, "small-photo.jpg").statusCode()).isEqualTo(201);
        assertThat(post(site, "inspector", form, "small-photo.jpg").statusCode()).isEqualTo(200);
        assertThat(http.get("/api/sites/" + site + "/inspections", "viewer").json().size()).isEqualTo(1);
    }

    @Test
    void anInspectionMovesTheHeapFromVerifyingToConfirmedCitingItselfAsEvidence() {
        JsonNode site = TestSites.heapInVerifying(http, "确认问题测试堆场", 110.31, 40.71);
        long id = site.get("id").asLong();
        String inspection = UUID.randomUUID().toString();
        HttpResponse<String> r = post(id, "inspector",
                form(inspection, "确认存在固废堆存", "confirmed", site.get("version").asLong()), "small-photo.jpg");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(Http.JSON.readTree(r.body()).get("transitionResult").asString()).isEqualTo("applied");
        assertThat(http.get("/api/sites/" + id, "viewer").json().get("status").asString()).isEqualTo("confirmed");
        JsonNode last = http.get("/api/sites/" + id + "/history", "viewer").json();
        assertThat(last.get(last.size() - 1).get("evidence").get(0).get("ref").asString())
                .isEqualTo("/api/sites/" + id + "/inspections/" + inspection);
    }

    @Test
    void anInspectionMadeOnAnOldVersionIsKeptAndSaysWhyTheStatusDidNotChange() {
        JsonNode site = TestSites.heapInVerifying(http, "版本过期测试堆场", 110.32, 40.72);
        long id = site.get("id").asLong();
        HttpResponse<String> r = post(id, "inspector",
                form(UUID.randomUUID().toString(), "离线很久", "confirmed", site.get("version").asLong() - 1), null);
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(Http.JSON.readTree(r.body()).get("transitionResult").asString()).isEqualTo("version_stale");
        assertThat(http.get("/api/sites/" + id, "viewer").json().get("status").asString()).isEqualTo("verifying");
    }

    @Test
    void aViewerMayNotRecordAnInspectionAndAnonymousMustSignIn() {
        long site = TestSites.heapInVerifying(http, "查看者测试堆场", 110.33, 40.73).get("id").asLong();
        HttpResponse<String> viewer = post(site, "viewer", form(UUID.randomUUID().toString(), "x", null, null), null);
        assertThat(viewer.statusCode()).isEqualTo(403);
        assertThat(viewer.body()).contains("role_forbidden");
        assertThat(post(site, null, form(UUID.randomUUID().toString(), "x", null, null), null).statusCode())
                .isEqualTo(401);
        assertThat(http.get("/api/sites/" + site + "/inspections", "viewer").json().size()).isZero();
    }

    @ParameterizedTest(name = "{0} is refused with {2}")
    @CsvSource({
        "html-file-named-as.jpg, 422, photo_not_image",
        "truncated-jpeg.jpg, 422, photo_not_image",
        "gif-animation.gif, 422, photo_format_unsupported",
        "png-declaring-60000x60000-pixels.png, 422, photo_too_many_pixels"})
    void aPhotoThatIsNotAnAcceptableImageIsRefusedAndNothingIsStored(String fixture, int status, String code) {
        long site = badInputSite();
        HttpResponse<String> r = post(site, "inspector", form(UUID.randomUUID().toString(), "x", null, null), fixture);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(r.body()).contains(code);
        assertThat(http.get("/api/sites/" + site + "/inspections", "viewer").json().size()).isZero();
    }

    @Test
    void aPhotoOverTheSizeLimitIsRefusedWith413() {
        long site = badInputSite();
        byte[] big = new byte[9 * 1024 * 1024];
        System.arraycopy(fixture("small-photo.jpg"), 0, big, 0, 904);
        var body = new Multipart().field("inspection", form(UUID.randomUUID().toString(), "x", null, null))
                .file("photos", "photo-over-8mb.jpg", "image/jpeg", big);
        HttpResponse<String> r = new InspectionCalls(port).post(site, "inspector", body);
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).contains("photo_too_large");
    }

    @Test
    void anExifBombIsStoredAsAPlainPhotoWithoutHangingTheServer() {
        long site = TestSites.heapInVerifying(http, "EXIF炸弹测试堆场", 110.36, 40.76).get("id").asLong();
        long start = System.nanoTime();
        HttpResponse<String> r = post(site, "inspector", form(UUID.randomUUID().toString(), "x", null, null),
                "exif-bomb-looping-ifds.jpg");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5000);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode photo = Http.JSON.readTree(r.body()).get("photos").get(0);
        assertThat(photo.has("exifLat")).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "inspection-id-not-a-uuid | {\"id\":\"../../etc/passwd\"} | 422 | inspection_id_invalid",
        "inspection-json-malformed | {\"id\": | 400 | json_malformed",
        "position-latitude-out-of-range | {\"id\":\"%s\",\"position\":{\"lat\":91,\"lon\":110}} | 422 | position_invalid",
        "checklist-with-html-key | {\"id\":\"%s\",\"checklist\":{\"<b>\":true}} | 422 | checklist_invalid"})
    void aMalformedInspectionIsRefusedWithAStableCode(String name, String json, int status, String code) {
        long site = badInputSite();
        HttpResponse<String> r = post(site, "inspector", json.formatted(UUID.randomUUID()), null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.body()).contains(code);
    }

    @Test
    void aSessionWriteNeedsTheCsrfTokenThePageGetsFromItsConfig() throws Exception {
        long site = TestSites.heapInVerifying(http, "会话令牌测试堆场", 110.38, 40.78).get("id").asLong();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        JsonNode csrf = Http.JSON.readTree(browser.send(HttpRequest.newBuilder(uri("/api/ui/config")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).get("csrf");
        String login = "username=inspector&password=demo&" + csrf.get("parameter").asString() + "="
                + URLEncoder.encode(csrf.get("token").asString(), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(login)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        JsonNode config = Http.JSON.readTree(browser.send(HttpRequest.newBuilder(uri("/api/ui/config")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertThat(config.get("user").get("name").asString()).isEqualTo("inspector");

        var withoutToken = new Multipart().field("inspection", form(UUID.randomUUID().toString(), "x", null, null));
        HttpResponse<String> forged = browser.send(HttpRequest.newBuilder(uri("/api/sites/" + site + "/inspections"))
                .header("Content-Type", withoutToken.contentType()).POST(withoutToken.body()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("csrf_invalid");

        var withToken = new Multipart().field("inspection", form(UUID.randomUUID().toString(), "x", null, null));
        HttpResponse<String> sent = browser.send(HttpRequest.newBuilder(uri("/api/sites/" + site + "/inspections"))
                .header("Content-Type", withToken.contentType())
                .header(config.get("csrf").get("header").asString(), config.get("csrf").get("token").asString())
                .POST(withToken.body()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
    }

    static String form(String id, String note, String nextStatus, Long version) {
        var n = Http.JSON.createObjectNode().put("id", id).put("note", note);
        if (nextStatus != null) {
            n.put("nextStatus", nextStatus).put("siteVersion", version);
        }
        n.putObject("position").put("lat", 40.6720).put("lon", 110.2678).put("accuracy", 8);
        return n.toString();
    }

    private HttpResponse<String> post(long site, String user, String form, String photoFixture) {
        var body = new Multipart().field("inspection", form);
        if (photoFixture != null) {
            body.file("photos", photoFixture, "image/jpeg", fixture(photoFixture));
        }
        return new InspectionCalls(port).post(site, user, body);
    }

    private HttpResponse<byte[]> getBytes(String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri(path)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    static byte[] fixture(String name) {
        try {
            return Files.readAllBytes(Path.of("src/test/resources/inspections", name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
