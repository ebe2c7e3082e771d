package org.wufei.gis.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.wufei.gis.GisApplication;
import org.wufei.gis.support.H2gisDatabase;
import org.wufei.gis.support.Http;
import tools.jackson.databind.JsonNode;

/**
 * The demo district as a newcomer starts it: the sample screening round is in the verification queue with new,
 * known, changed and duplicate detections, and no OGC collection is empty.
 */
@SpringBootTest(classes = GisApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.tomcat.basedir=target/tomcat", "gis.demo.enabled=true", "gis.demo.background=false",
            "gis.data-dir=target/test-data-screening", "gis.demo.screening=true", "logging.level.root=WARN"})
@ContextConfiguration(initializers = H2gisDatabase.class)
class DemoScreeningIT {
    @LocalServerPort
    int port;

    @Test
    void theDemoQueueHoldsNewKnownChangedAndDuplicateDetectionsAndNoCollectionIsEmpty() throws Exception {
        Http http = new Http(port);
        JsonNode batches = null;
        for (int i = 0; i < 120; i++) {
            batches = http.get("/api/imports?limit=10", "viewer").json().path("items");
            if (batches.size() == 2 && batches.valueStream().allMatch(b -> b.path("state").asString()
                    .equals("succeeded"))) {
                break;
            }
            Thread.sleep(500);
        }
        assertThat(batches.size()).as(String.valueOf(batches)).isEqualTo(2);
        JsonNode drone = batches.get(0);
        JsonNode satellite = batches.get(1);
        assertThat(satellite.path("source").asString()).isEqualTo("satellite");
        assertThat(satellite.path("state").asString()).as(satellite.toString()).isEqualTo("succeeded");
        assertThat(satellite.path("triage").path("known").asLong()).as(satellite.toString()).isEqualTo(6);
        assertThat(satellite.path("triage").path("changed").asLong()).isEqualTo(6);
        assertThat(satellite.path("triage").path("new").asLong()).isEqualTo(8);
        assertThat(drone.path("state").asString()).as(drone.toString()).isEqualTo("succeeded");
        assertThat(drone.path("triage").path("duplicate").asLong()).as(drone.toString()).isEqualTo(6);
        assertThat(drone.path("triage").path("known").asLong()).isEqualTo(1);
        assertThat(drone.path("triage").path("new").asLong()).isEqualTo(3);

        List<String> empty = new ArrayList<>();
        for (JsonNode c : http.get("/ogc/collections?f=json", "viewer").json().path("collections")) {
            String id = c.path("id").asString();
            JsonNode items = http.get("/ogc/collections/" + id + "/items?limit=1", "viewer").json();
            if (items.path("features").isEmpty()) {
                empty.add(id);
            }
        }
        assertThat(empty).as("empty collections").isEmpty();
    }
}
