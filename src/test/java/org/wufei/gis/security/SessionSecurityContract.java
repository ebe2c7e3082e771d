package org.wufei.gis.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.wufei.gis.support.Http;
import org.wufei.gis.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Password guessing is throttled on HTTP Basic and the form login, every response carries the security headers
 * (a CSP without inline script, no framing, nosniff), and a write riding on a browser session needs its CSRF token.
 */
@IntegrationTest
abstract class SessionSecurityContract {
    @LocalServerPort
    int port;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void fiveFailedBasicSignInsThrottleThatNameFromThatAddressWith429() throws Exception {
        String guesser = "guesser-" + UUID.randomUUID();
        HttpClient client = HttpClient.newHttpClient();
        for (int i = 0; i < 5; i++) {
            assertThat(basic(client, guesser, "wrong" + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> throttled = basic(client, guesser, "wrong");
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(throttled.body()).contains("login_throttled");
        assertThat(Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 301L);
        assertThat(http.get("/api/imports", "uploader").status()).isEqualTo(200); // others are not affected
    }

    @Test
    void fiveFailedFormSignInsThrottleTheFormLoginToo() throws Exception {
        String guesser = "form-guesser-" + UUID.randomUUID();
        HttpClient browser = browser();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> r = formLogin(browser, guesser, "wrong");
            assertThat(r.statusCode()).isEqualTo(302);
            assertThat(r.headers().firstValue("Location").orElse("")).contains("error");
        }
        HttpResponse<String> throttled = formLogin(browser, guesser, "wrong");
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void everyPageCarriesACspWithoutInlineScriptAndRefusesFraming() {
        for (String path : new String[] {"/", "/login.html", "/disclosure.html", "/api/kinds", "/ogc"}) {
            Http.Response r = http.get(path);
            String csp = r.header("Content-Security-Policy");
            assertThat(csp).as(path).contains("script-src 'self';").contains("frame-ancestors 'none'")
                    .doesNotContain("unsafe-eval");
            assertThat(csp.substring(csp.indexOf("script-src"))).as(path).startsWith("script-src 'self';");
            assertThat(r.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(r.header("X-Frame-Options")).as(path).isEqualTo("DENY");
        }
    }

    @Test
    void aWriteRidingOnASessionNeedsItsCsrfToken() throws Exception {
        HttpClient browser = browser();
        assertThat(formLogin(browser, "admin", "demo").headers().firstValue("Location").orElse(""))
                .doesNotContain("error");
        JsonNode config = Http.JSON.readTree(send(browser, get("/api/ui/config")).body());
        assertThat(config.get("user").get("name").asString()).isEqualTo("admin");
        HttpRequest.Builder write = HttpRequest.newBuilder(uri("/api/sites"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"));
        HttpResponse<String> without = send(browser, write);
        assertThat(without.statusCode()).isEqualTo(403);
        assertThat(without.body()).contains("csrf_invalid");
        HttpResponse<String> with = send(browser, write.header(config.get("csrf").get("header").asString(),
                config.get("csrf").get("token").asString()));
        assertThat(with.statusCode()).isNotIn(401, 403).isLessThan(500);
    }

    private HttpResponse<String> basic(HttpClient client, String user, String password) throws Exception {
        String auth = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return send(client, get("/api/imports").header("Authorization", "Basic " + auth));
    }

    private HttpResponse<String> formLogin(HttpClient browser, String user, String password) throws Exception {
        JsonNode csrf = Http.JSON.readTree(send(browser, get("/api/ui/config")).body()).get("csrf");
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&" + csrf.get("parameter").asString() + "="
                + URLEncoder.encode(csrf.get("token").asString(), StandardCharsets.UTF_8);
        return send(browser, HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(uri(path)).GET();
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder b) throws Exception {
        return client.send(b.timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create(http.base() + path);
    }
}
