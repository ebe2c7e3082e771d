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
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.wufei.gis.support.Http;
import org.wufei.gis.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * With public read off (production's default) a browser can still sign in and the public can still read the
 * disclosure (信息公开): the pages' files, the page configuration and the disclosure are open, the map page sends
 * a visitor to the sign-in page, and every data endpoint asks for sign-in.
 */
@IntegrationTest
abstract class PrivateReadPagesContract {
    @LocalServerPort
    int port;

    @Test
    void aVisitorIsSentToSignInAndCanSignInThenSeesTheMap() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> map = send(browser, "/", null);
        assertThat(map.statusCode()).isEqualTo(302);
        assertThat(map.headers().firstValue("Location").orElse("")).endsWith("/login.html");
        for (String file : new String[] {"/login.html", "/js/login.js", "/js/api.js", "/css/app.css"}) {
            assertThat(send(browser, file, null).statusCode()).as(file).isEqualTo(200);
        }
        JsonNode csrf = Http.JSON.readTree(send(browser, "/api/ui/config", null).body()).get("csrf");
        String form = "username=inspector&password=demo&" + csrf.get("parameter").asString() + "="
                + URLEncoder.encode(csrf.get("token").asString(), StandardCharsets.UTF_8);
        HttpResponse<String> login = send(browser, "/login", form);
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
        assertThat(send(browser, "/", null).statusCode()).isEqualTo(200);
        assertThat(send(browser, "/api/sites?size=1", null).statusCode()).isEqualTo(200);
    }

    @Test
    void thePublicReadsTheDisclosureButNoData() throws Exception {
        HttpClient anonymous = HttpClient.newHttpClient();
        assertThat(send(anonymous, "/disclosure.html", null).statusCode()).isEqualTo(200);
        assertThat(send(anonymous, "/js/disclosure.js", null).statusCode()).isEqualTo(200);
        assertThat(send(anonymous, "/api/disclosure", null).statusCode()).isEqualTo(200);
        for (String data : new String[] {"/api/sites", "/ogc/collections", "/ogc/collections/waste_heaps/items",
                "/api/kinds"}) {
            assertThat(send(anonymous, data, null).statusCode()).as(data).isEqualTo(401);
        }
    }

    private HttpResponse<String> send(HttpClient client, String path, String form) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60));
        if (form != null) {
            b.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form));
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
