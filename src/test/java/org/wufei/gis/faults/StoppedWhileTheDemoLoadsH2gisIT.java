package org.wufei.gis.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wufei.gis.support.Http;
import org.wufei.gis.support.ServiceProcess;

/**
 * The service stopped (SIGTERM, as Ctrl-C or a container stop) while the demo sites load into its embedded database,
 * three times over: every next start opens the database, loads the demo and serves it. Before the connection drain,
 * the pool aborted the loader's connection mid-write and H2 could no longer read its own file (two stops in three).
 */
class StoppedWhileTheDemoLoadsH2gisIT {
    private static final long DEMO_SITES = 236; // gis-data/sites.geojson
    private static final long STOP_AFTER_MILLIS = 800;
    @TempDir
    Path dir;

    @Test
    void aServiceStoppedWhileItLoadsTheDemoStartsAgainAndLoadsIt() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("gis") + ";DB_CLOSE_ON_EXIT=FALSE";
        int port = ServiceProcess.freePort();
        Http http = new Http(port);
        for (int round = 1; round <= 3; round++) {
            String run = "stopped-" + round;
            Process app = ServiceProcess.start(dir, port, run, url);
            try {
                ServiceProcess.waitUntil(app, dir.resolve(run + ".log"), () -> !http.get("/actuator/health")
                        .json().at("/components/demoData/status").asString("").isEmpty());
                Thread.sleep(STOP_AFTER_MILLIS); // into the loader's writes (they take 2-3 s)
            } finally {
                app.destroy(); // SIGTERM: the context closes, as on Ctrl-C
                assertThat(app.waitFor(60, TimeUnit.SECONDS)).as("stopped within a minute").isTrue();
            }
        }
        Process app = ServiceProcess.start(dir, port, "last", url);
        try {
            ServiceProcess.waitUntil(app, dir.resolve("last.log"), () -> ServiceProcess.demoLoaded(http));
            assertThat(Files.readString(dir.resolve("last.log"))).doesNotContain("Unable to read the page");
            assertThat(http.get("/api/sites?size=1", "viewer").json().path("total").asLong()).isEqualTo(DEMO_SITES);
        } finally {
            app.destroy();
            app.waitFor(60, TimeUnit.SECONDS);
        }
    }
}
