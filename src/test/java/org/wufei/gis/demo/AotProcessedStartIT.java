package org.wufei.gis.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wufei.gis.support.Http;
import org.wufei.gis.support.ServiceProcess;
import org.wufei.gis.support.TestDatabases;
import tools.jackson.databind.JsonNode;

/**
 * The start the Dockerfile and README use: the build's Spring AOT bean definitions ({@code process-aot}, run by
 * {@code -Dspring.aot.enabled=true}), where every condition was decided at build time. The demo switch must still
 * work both ways: on over the embedded database (demo sites in, health has demoData), off over PostGIS (an empty
 * register, no demoData component), and the map, the OGC API and the domain API answer.
 */
class AotProcessedStartIT {
    private static final List<String> AOT = List.of("-Dspring.aot.enabled=true");

    @TempDir
    Path dir;

    @Test
    void aotProcessedStartWithTheDemoOnServesTheDemoDistrictOnH2gis() throws Exception {
        int port = ServiceProcess.freePort();
        Http http = new Http(port);
        Process app = ServiceProcess.start(AOT, true, dir, port, "h2gis", "jdbc:h2:file:" + dir.resolve("gis"));
        try {
            ServiceProcess.waitUntil(app, dir.resolve("h2gis.log"), () -> ServiceProcess.demoLoaded(http));
            assertThat(Files.readString(dir.resolve("h2gis.log"))).doesNotContain("ERROR");
            JsonNode health = http.get("/actuator/health").json();
            assertThat(health.at("/components/demoData/status").asString()).isEqualTo("UP");
            assertThat(http.get("/").body()).contains("leaflet");
            assertThat(http.get("/ogc/collections/waste_heaps/items?limit=1").json().path("numberMatched").asLong())
                    .isPositive();
            assertThat(http.get("/api/sites?size=1", "viewer").json().path("total").asLong()).isPositive();
        } finally {
            app.destroy();
            app.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aotProcessedStartWithTheDemoOffHasNoDemoOnPostgis() throws Exception {
        TestDatabases.requirePostgis();
        int port = ServiceProcess.freePort();
        Http http = new Http(port);
        Process app = ServiceProcess.start(AOT, false, dir, port, "postgis", TestDatabases.newPostgisDatabase());
        try {
            ServiceProcess.waitUntil(app, dir.resolve("postgis.log"),
                    () -> http.get("/actuator/health").status() == 200);
            JsonNode health = http.get("/actuator/health").json();
            assertThat(health.path("status").asString()).isEqualTo("UP");
            assertThat(health.path("components").has("demoData")).as(health.toString()).isFalse();
            assertThat(health.at("/components/db/status").asString()).isEqualTo("UP");
            assertThat(http.get("/ogc/collections/waste_heaps/items?limit=1").json().path("numberMatched").asLong())
                    .isZero();
        } finally {
            app.destroy();
            app.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
