package org.wufei.gis.ogc.features;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wufei.gis.support.Http;

/** What the OGC API contract tests share: a client for the running service and sites of their own. */
abstract class OgcClient {
    static final String ITEMS = "/ogc/collections/waste_heaps/items";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    long create(String name, double lon) {
        Http.Response r = http.post(ITEMS, "inspector", feature(name, lon), null);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String location = r.header("Location");
        assertThat(location).startsWith(http.base() + ITEMS + "/");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    static String feature(String name, double lon) {
        return """
                {"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[%1$.4f,40.6714],[%2$.4f,40.6714],
                [%2$.4f,40.6720],[%1$.4f,40.6720],[%1$.4f,40.6714]]]},
                "properties":{"name":"%3$s","township":"石拐街道","category":"coal_yard","ownerless":true}}"""
                .formatted(lon - 0.0005, lon + 0.0005, name);
    }

    String status(long id) {
        return http.get(ITEMS + "/" + id).json().path("properties").path("status").asString();
    }

    String code(long id) {
        return http.get(ITEMS + "/" + id).json().path("properties").path("code").asString();
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
