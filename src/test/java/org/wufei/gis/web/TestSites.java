package org.wufei.gis.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.wufei.gis.support.Http;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Sites made by the map tests for themselves (never the demo data others count on). */
final class TestSites {
    private TestSites() {
    }

    /** A waste heap as a small square around (lon, lat), created as admin and taken to 现场核查 (verifying). */
    static JsonNode heapInVerifying(Http http, String name, double lon, double lat) {
        double d = 0.0004;
        String square = String.format(java.util.Locale.ROOT,
                "{\"type\":\"Polygon\",\"coordinates\":[[[%f,%f],[%f,%f],[%f,%f],[%f,%f],[%f,%f]]]}",
                lon - d, lat - d, lon + d, lat - d, lon + d, lat + d, lon - d, lat + d, lon - d, lat - d);
        ObjectNode body = Http.JSON.createObjectNode().put("kind", "waste_heap").put("name", name)
                .put("township", "石拐街道");
        body.set("geometry", Http.JSON.readTree(square));
        body.putObject("attributes").put("category", "coal_gangue").put("ownerless", false);
        Http.Response created = http.post("/api/sites", "admin", body.toString(), null);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        String etag = created.header("ETag");
        for (String to : new String[] {"assigned", "verifying"}) {
            Http.Response r = http.post("/api/sites/" + id + "/transitions", "admin",
                    "{\"to\":\"" + to + "\"}", etag);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            etag = r.header("ETag");
        }
        return http.get("/api/sites/" + id, "admin").json();
    }
}
