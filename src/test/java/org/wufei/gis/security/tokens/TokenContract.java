package org.wufei.gis.security.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wufei.gis.support.Http;
import org.wufei.gis.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Department tokens with public read off: ADMIN issues one scoped to some collections, GDAL and plain HTTP read
 * those collections with it and nothing else, an expired or revoked token gets 401, and only its hash is stored.
 */
@IntegrationTest
abstract class TokenContract {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApiTokens tokens;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    private JsonNode issue(String body) {
        Http.Response r = http.post("/api/tokens", "admin", body, null);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    @Test
    void aScopedTokenReadsItsCollectionsAndNothingElse() throws Exception {
        String token = issue("{\"name\":\"自然资源局\",\"collections\":[\"waste_heaps\",\"townships\"],\"validDays\":30}")
                .get("token").asString();
        assertThat(token).startsWith("gis_").hasSizeGreaterThan(40);

        assertThat(get("/ogc/collections/waste_heaps/items?limit=1", null).statusCode()).isEqualTo(401);
        HttpResponse<String> list = get("/ogc/collections", token);
        assertThat(list.statusCode()).isEqualTo(200);
        JsonNode collections = Http.JSON.readTree(list.body()).get("collections");
        assertThat(collections.findValuesAsString("id")).containsExactlyInAnyOrder("waste_heaps", "townships");
        assertThat(get("/ogc/collections/waste_heaps/items?limit=1", token).statusCode()).isEqualTo(200);
        assertThat(get("/ogc/collections/waste_heaps/tiles/WebMercatorQuad/12/1540/3302", token).statusCode())
                .isIn(200, 204);
        for (String other : List.of("/ogc/collections/tailings_ponds/items", "/ogc/collections/detections/items",
                "/ogc/collections/detections/tiles/WebMercatorQuad/12/1540/3302", "/ogc/tiles/WebMercatorQuad/12/1540/3302",
                "/api/sites", "/api/imports", "/api/audit", "/api/tokens")) {
            HttpResponse<String> r = get(other, token);
            assertThat(r.statusCode()).as(other).isEqualTo(403);
            assertThat(r.body()).as(other).contains("token_scope");
        }
        HttpResponse<String> custom = send(HttpRequest.newBuilder(uri("/ogc/collections/townships/items?limit=1"))
                .header("X-Api-Token", token).GET());
        assertThat(custom.statusCode()).isEqualTo(200);
    }

    @Test
    void gdalListsTheScopedLayersWithTheTokenInAHeader() throws Exception {
        String token = issue("{\"name\":\"生态环境局\",\"collections\":[\"waste_heaps\",\"detections\"]}")
                .get("token").asString();
        String listing = ogrinfo("Authorization: Bearer " + token);
        assertThat(listing).contains("waste_heaps").contains("detections").doesNotContain("tailings_ponds")
                .doesNotContain("townships");
        String refused = ogrinfo("Authorization: Bearer gis_not-a-token");
        assertThat(refused).doesNotContain("waste_heaps");
    }

    @Test
    void anExpiredOrRevokedTokenIsRefusedWith401() throws Exception {
        JsonNode issued = issue("{\"name\":\"水利局\",\"collections\":[\"*\"]}");
        String token = issued.get("token").asString();
        assertThat(get("/ogc/collections/tailings_ponds/items?limit=1", token).statusCode()).isEqualTo(200);
        assertThat(http.send("DELETE", "/api/tokens/" + issued.get("id").asLong(), "admin", null, null).status())
                .isEqualTo(204);
        HttpResponse<String> revoked = get("/ogc/collections/tailings_ponds/items?limit=1", token);
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(revoked.body()).contains("token_invalid");

        String expired = TokenSecrets.newSecret();
        Instant past = Instant.now().minus(Duration.ofDays(1));
        tokens.insert(TokenSecrets.hash(expired), "过期的", List.of("*"), false, past.minus(Duration.ofDays(30)),
                "admin", past);
        assertThat(get("/ogc/collections", expired).statusCode()).isEqualTo(401);
        assertThat(get("/ogc/collections", "gis_" + "x".repeat(43)).statusCode()).isEqualTo(401);
    }

    @Test
    void onlyTheHashIsStoredAndIssueAndRevocationAreAudited() {
        JsonNode issued = issue("{\"name\":\"应急管理局\",\"collections\":[\"tailings_ponds\"],\"upload\":true}");
        String token = issued.get("token").asString();
        long id = issued.get("id").asLong();
        String stored = jdbc.queryForObject("SELECT token_hash FROM api_token WHERE id = ?", String.class, id);
        assertThat(stored).isEqualTo(TokenSecrets.hash(token)).doesNotContain(token);
        assertThat(http.get("/api/tokens", "admin").body()).contains("应急管理局").doesNotContain(token)
                .doesNotContain(stored);
        http.send("DELETE", "/api/tokens/" + id, "admin", null, null);

        JsonNode audit = http.get("/api/audit?object=token:" + id, "admin").json().get("items");
        assertThat(audit).hasSize(2);
        assertThat(audit.get(0).get("summary").asString()).startsWith("revoked");
        assertThat(audit.get(1).get("summary").asString()).contains("issued to 应急管理局").contains("upload");
        assertThat(audit.toString()).doesNotContain(token);
    }

    @Test
    void badIssueRequestsAreRefusedAndOnlyAdminIssues() {
        assertThat(http.post("/api/tokens", "admin", "{\"collections\":[\"waste_heaps\"]}", null).code())
                .isEqualTo("token_name_invalid");
        assertThat(http.post("/api/tokens", "admin", "{\"name\":\"x\",\"collections\":[]}", null).code())
                .isEqualTo("token_collections_invalid");
        assertThat(http.post("/api/tokens", "admin", "{\"name\":\"x\",\"collections\":[\"a;DROP\"]}", null).code())
                .isEqualTo("token_collections_invalid");
        assertThat(http.post("/api/tokens", "admin", "{\"name\":\"x\",\"collections\":[\"*\"],\"validDays\":9999}",
                null).code()).isEqualTo("token_valid_days_invalid");
        assertThat(http.post("/api/tokens", "viewer", "{\"name\":\"x\",\"collections\":[\"*\"]}", null).status())
                .isEqualTo(403);
        assertThat(http.send("DELETE", "/api/tokens/999999", "admin", null, null).status()).isEqualTo(404);
    }

    @Test
    void anUploadTokenUploadsAScreeningFileAndAReadTokenMayNot() throws Exception {
        String uploader = issue("{\"name\":\"林草局\",\"collections\":[\"detections\"],\"upload\":true}")
                .get("token").asString();
        String reader = issue("{\"name\":\"统计局\",\"collections\":[\"detections\"]}").get("token").asString();
        String geojson = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{},"
                + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[110.2674,40.6717]}}]}";
        HttpResponse<String> accepted = upload(uploader, geojson);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String batch = Http.JSON.readTree(accepted.body()).get("id").asString();
        assertThat(get("/api/imports/" + batch, uploader).statusCode()).isEqualTo(200);
        HttpResponse<String> refused = upload(reader, geojson);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("token_scope");
    }

    private HttpResponse<String> upload(String token, String geojson) throws IOException, InterruptedException {
        String boundary = "----token-upload-" + java.util.UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"source\"\r\n\r\ndrone\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"token-upload.geojson\""
                + "\r\nContent-Type: application/geo+json\r\n\r\n" + geojson + "\r\n--" + boundary + "--\r\n";
        return send(HttpRequest.newBuilder(uri("/api/imports"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private String ogrinfo(String header) throws Exception {
        Assumptions.assumeTrue(new java.io.File("/usr/bin/ogrinfo").canExecute() || "true".equals(System.getenv("CI")),
                "ogrinfo (gdal-bin) is not installed");
        Process p = new ProcessBuilder("ogrinfo", "-ro", "-so", "OAPIF:" + http.base() + "/ogc",
                "--config", "GDAL_HTTP_HEADERS", header).redirectErrorStream(true).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b);
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
        return CLIENT.send(b.timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create(http.base() + path);
    }
}
