package org.wufei.gis.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.wufei.gis.support.H2gisDatabase;
import org.wufei.gis.support.IntegrationTest;

/** A web map on another origin reads the OGC API (CORS); the domain API and writes stay same-origin. */
@IntegrationTest
@ContextConfiguration(initializers = H2gisDatabase.class)
class CrossOriginReadsIT {
    private static final String ORIGIN = "https://maps.example.org";
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void ogcReadsCarryCorsHeadersForAnyOrigin() throws Exception {
        for (String path : new String[] {"/ogc", "/ogc/collections/waste_heaps/items?limit=1",
                "/ogc/collections/waste_heaps/tiles/WebMercatorQuad/8/96/206"}) {
            HttpResponse<String> r = send("GET", path, null);
            assertThat(r.statusCode()).as(path).isIn(200, 204);
            assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).as(path).hasValue("*");
            assertThat(r.headers().firstValue("Access-Control-Expose-Headers").orElse("")).as(path).contains("ETag");
        }
    }

    @Test
    void aPreflightForAnOgcReadIsAnswered() throws Exception {
        HttpResponse<String> r = send("OPTIONS", "/ogc/collections/waste_heaps/items", "GET");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(r.headers().firstValue("Access-Control-Allow-Methods").orElse("")).contains("GET");
    }

    @Test
    void writesAndTheDomainApiGetNoCorsHeaders() throws Exception {
        HttpResponse<String> preflight = send("OPTIONS", "/ogc/collections/waste_heaps/items", "POST");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        HttpResponse<String> domain = send("GET", "/api/ui/config", null);
        assertThat(domain.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    private HttpResponse<String> send(String method, String path, String preflightMethod) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Origin", ORIGIN).method(method, HttpRequest.BodyPublishers.noBody());
        if (preflightMethod != null) {
            b.header("Access-Control-Request-Method", preflightMethod);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
