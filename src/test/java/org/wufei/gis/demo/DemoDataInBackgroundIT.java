package org.wufei.gis.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.wufei.gis.GisApplication;
import org.wufei.gis.support.Http;
import org.wufei.gis.support.TestDatabases;
import tools.jackson.databind.JsonNode;

/** A normal start: the service is healthy before the demo sites are in, and health says when they are. */
class DemoDataInBackgroundIT {
    @TempDir
    Path dir;

    @Test
    void serviceIsUpWhileTheDemoLoadsAndTheMapHasEverySiteOnceHealthSaysLoaded() throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(GisApplication.class).run(
                "--server.port=0", "--spring.datasource.url=" + TestDatabases.h2gisUrl(),
                "--gis.data-dir=" + dir, "--server.tomcat.basedir=" + dir.resolve("tomcat"),
                "--gis.demo.enabled=true", "--gis.demo.background=true", "--logging.level.root=WARN")) {
            Http http = new Http(((WebServerApplicationContext) app).getWebServer().getPort());

            JsonNode first = http.get("/actuator/health").json();
            assertThat(first.path("status").asString()).isEqualTo("UP");
            assertThat(first.at("/components/demoData/status").asString()).as(first.toString()).isIn("LOADING", "UP");
            assertThat(http.get("/actuator/health/readiness").json().path("status").asString()).isEqualTo("UP");

            JsonNode health = first;
            long deadline = System.currentTimeMillis() + 120_000;
            while (!health.at("/components/demoData/status").asString().equals("UP")
                    && System.currentTimeMillis() < deadline) {
                assertThat(health.at("/components/demoData/status").asString()).isEqualTo("LOADING");
                assertThat(health.path("status").asString()).isEqualTo("UP");
                Thread.sleep(50);
                health = http.get("/actuator/health").json();
            }
            assertThat(health.at("/components/demoData/status").asString()).isEqualTo("UP");
            assertThat(http.get("/ogc/collections/waste_heaps/items?limit=1").json().path("numberMatched").asLong())
                    .isEqualTo(120);
            assertThat(http.get("/ogc/collections/recycling_sites/items?limit=1").json().path("numberMatched")
                    .asLong()).isEqualTo(40);
        }
    }
}
