package org.wufei.gis.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.wufei.gis.support.Http;
import org.wufei.gis.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Acceptance of issue 15: a kind added by a definition file alone (src/test/resources/kinds/new-kind, no Java) is
 * served by /api/kinds, the OGC collections with queryables and tiles, follows its lifecycle table, is filtered
 * on its attributes in SQL, and shows in the map's legend in a real Chromium.
 */
@IntegrationTest
@TestPropertySource(properties = "gis.kinds.extra-dir=src/test/resources/kinds/new-kind")
abstract class KindsFromFilesContract {
    private static Browser browser;

    @LocalServerPort
    int port;

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @Test
    void aKindFromAFileAloneIsServedFilteredTiledAndDrawn() throws Exception {
        Http http = new Http(port);
        JsonNode kinds = http.get("/api/kinds", "admin").json();
        JsonNode yard = find(kinds, "id", "compost_yard");
        assertThat(yard.get("labels").get("zh").asString()).isEqualTo("堆肥场");
        assertThat(yard.get("geometry").toString()).isEqualTo("[\"point\",\"polygon\"]");
        assertThat(http.get("/api/kinds/compost_yard", "admin").json().get("collection").asString())
                .isEqualTo("compost_yards");
        Http.Response unknown = http.get("/api/kinds/no_such_kind", "admin");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("kind_not_found");

        JsonNode collection = find(http.get("/ogc/collections?f=json", "admin").json().get("collections"), "id",
                "compost_yards");
        assertThat(collection.get("title").asString()).isEqualTo("堆肥场");
        JsonNode feedstock = http.get("/ogc/collections/compost_yards/queryables", "admin").json()
                .get("properties").get("feedstock");
        assertThat(feedstock.get("enum").toString()).isEqualTo("[\"straw\",\"manure\"]");

        // a unique spot inside the district, away from the seat and the other tests' places
        double lon = 110.06 + ThreadLocalRandom.current().nextDouble() * 0.05;
        double lat = 40.83 + ThreadLocalRandom.current().nextDouble() * 0.03;
        String body = """
                {"kind": "compost_yard", "name": "测试堆肥场", "geometry": {"type": "Point", "coordinates": [%s, %s]},
                 "attributes": {"feedstock": "manure", "capacity_t": 120}}""".formatted(lon, lat);
        Http.Response created = http.post("/api/sites", "admin", body, null);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode site = created.json();
        assertThat(site.get("status").asString()).isEqualTo("proposed");
        assertThat(site.get("attributes").get("capacity_t").asDouble()).isEqualTo(120.0);
        String code = site.get("code").asString();
        assertThat(code).contains("-CY-");

        Http.Response bad = http.post("/api/sites", "admin", body.replace("\"capacity_t\": 120",
                "\"capacity_t\": 120, \"colour\": \"red\""), null);
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("field").asString()).isEqualTo("attributes.colour");

        String transitions = "/api/sites/" + site.get("id").asLong() + "/transitions";
        String etag = "\"" + site.get("version").asLong() + "\"";
        Http.Response illegal = http.post(transitions, "admin", "{\"to\": \"stopped\", \"note\": \"x\"}", etag);
        assertThat(illegal.status()).isEqualTo(422);
        assertThat(illegal.code()).isEqualTo("transition_illegal");
        Http.Response running = http.post(transitions, "admin", "{\"to\": \"running\"}", etag);
        assertThat(running.status()).as(running.body()).isEqualTo(200);

        assertThat(items(http, "feedstock='manure' AND code='" + code + "'")).containsExactly(code);
        assertThat(items(http, "feedstock='straw' AND code='" + code + "'")).isEmpty();
        assertThat(items(http, "capacity_t > 100 AND code='" + code + "'")).containsExactly(code);
        assertThat(items(http, "capacity_t < 100 AND code='" + code + "'")).isEmpty();

        long[] tile = tile(14, lon, lat);
        HttpResponse<byte[]> mvt = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(http.base()
                + "/ogc/collections/compost_yards/tiles/WebMercatorQuad/14/" + tile[1] + "/" + tile[0])).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(mvt.statusCode()).isEqualTo(200);
        List<Object> codes = new ArrayList<>();
        for (JtsLayer layer : MvtReader.loadMvt(new ByteArrayInputStream(mvt.body()), new GeometryFactory(),
                new TagKeyValueMapConverter(false, "fid"), MvtReader.RING_CLASSIFIER_V2_1).getLayers()) {
            layer.getGeometries().forEach(g -> codes.add(((java.util.Map<?, ?>) g.getUserData()).get("code")));
        }
        assertThat(codes).contains(code);

        browser = new Browser(port, 1280, 900);
        browser.open("/?kinds=compost_yard");
        browser.waitFor(d -> !browser.findAll("#legend li[data-status='running']").isEmpty());
        assertThat(browser.find("#legend li[data-status='running']").getText()).contains("运行中");
        assertThat(browser.find("#legend li[data-status='proposed']").getText()).contains("拟建");
        browser.screenshot("kind-from-file-" + getClass().getSimpleName());
    }

    /** The codes of the features a CQL2 filter matches. */
    private static List<String> items(Http http, String cql) {
        Http.Response r = http.get("/ogc/collections/compost_yards/items?filter-lang=cql2-text&filter="
                + URLEncoder.encode(cql, StandardCharsets.UTF_8), "admin");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> codes = new ArrayList<>();
        r.json().get("features").forEach(f -> codes.add(f.get("properties").get("code").asString()));
        return codes;
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode n : array) {
            if (value.equals(n.path(field).asString(null))) {
                return n;
            }
        }
        throw new AssertionError(value + " not in " + array);
    }

    /** WebMercatorQuad column and row of the tile holding lon/lat at zoom z. */
    private static long[] tile(int z, double lon, double lat) {
        double n = Math.pow(2, z);
        long x = (long) Math.floor((lon + 180) / 360 * n);
        double r = Math.toRadians(lat);
        long y = (long) Math.floor((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * n);
        return new long[] {x, y};
    }
}
