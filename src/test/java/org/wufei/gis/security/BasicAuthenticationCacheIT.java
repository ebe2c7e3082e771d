package org.wufei.gis.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.wufei.gis.support.H2gisDatabase;
import org.wufei.gis.support.Http;
import org.wufei.gis.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** HTTP Basic with the authentication cache: the right password gets in, a wrong one never rides on a cached one. */
@IntegrationTest
@ContextConfiguration(initializers = H2gisDatabase.class)
class BasicAuthenticationCacheIT {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    Users users;

    @Test
    void theRightPasswordSignsTheUserIn() throws Exception {
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> r = config("uploader", "demo");
            assertThat(r.statusCode()).isEqualTo(200);
            JsonNode user = Http.JSON.readTree(r.body()).path("user");
            assertThat(user.path("name").asString()).isEqualTo("uploader");
            assertThat(user.path("roles").toString()).isEqualTo("[\"UPLOADER\"]");
        }
    }

    @Test
    void aWrongPasswordAfterACachedRightOneIsRefused() throws Exception {
        assertThat(config("inspector", "demo").statusCode()).isEqualTo(200);

        HttpResponse<String> wrong = config("inspector", "demo2");

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(Http.JSON.readTree(wrong.body()).path("code").asString()).isEqualTo("authentication_required");
        assertThat(config("inspector", "demo").statusCode()).isEqualTo(200);
    }

    @Test
    void signingInLeavesTheCheapDemoHashAsItWas() throws Exception {
        String before = users.loadUserByUsername("planner").getPassword();

        // user names are case-insensitive but cached as sent: a spelling no other test uses is surely checked by bcrypt
        HttpResponse<String> r = config("Planner", "demo");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Http.JSON.readTree(r.body()).path("user").path("name").asString()).isEqualTo("planner");

        assertThat(before).startsWith("{bcrypt}$2a$04$");
        assertThat(users.loadUserByUsername("planner").getPassword()).isEqualTo(before);
    }

    private HttpResponse<String> config(String username, String password) throws Exception {
        String token = Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/ui/config"))
                .header("Authorization", "Basic " + token).GET().build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
