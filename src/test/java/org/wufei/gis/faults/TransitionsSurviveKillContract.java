package org.wufei.gis.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wufei.gis.support.Http;
import org.wufei.gis.support.ServiceProcess;
import tools.jackson.databind.JsonNode;

/**
 * A burst of status transitions on a separate service process, killed with SIGKILL in the middle of it: after a
 * restart every acknowledged transition is in the history, and an unacknowledged one is either wholly there (status,
 * version and event) or not at all.
 */
abstract class TransitionsSurviveKillContract {
    private static final int SITES = 6;

    @TempDir
    Path dir;

    /** The datasource URL the service process uses; the same database across the restart. */
    abstract String databaseUrl();

    /** One recycling site hammered by one client: how many transitions were acknowledged and what came last. */
    static final class Hammered {
        final long id;
        final AtomicInteger acknowledged = new AtomicInteger();
        volatile String lastAcknowledged;
        volatile String inFlight;

        Hammered(long id) {
            this.id = id;
        }
    }

    @Test
    void everyAcknowledgedTransitionSurvivesAKillAndNoneIsHalfThere() throws Exception {
        int port = ServiceProcess.freePort();
        Http http = new Http(port);
        Process app = start(port, "first");
        List<Hammered> sites = new ArrayList<>();
        Instant started;
        try {
            ServiceProcess.waitUntil(app, dir.resolve("first.log"), () -> demoSitesThere(http));
            JsonNode operating = http.get("/api/sites?kind=recycling_site&status=operating&size=" + SITES, "admin")
                    .json().get("items");
            operating.forEach(s -> sites.add(new Hammered(s.get("id").asLong())));
            assertThat(sites).hasSize(SITES);
            started = Instant.now();
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService pool = Executors.newFixedThreadPool(SITES);
            for (Hammered h : sites) {
                pool.submit(() -> hammer(http, h, stop));
            }
            long until = System.currentTimeMillis() + 30_000;
            while (System.currentTimeMillis() < until && sites.stream().mapToInt(h -> h.acknowledged.get()).sum() < 60) {
                Thread.sleep(50);
            }
            app.destroyForcibly(); // SIGKILL while the clients keep sending
            app.waitFor(30, TimeUnit.SECONDS);
            stop.set(true);
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            app.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(sites.stream().mapToInt(h -> h.acknowledged.get()).sum()).isGreaterThan(10);

        Process again = start(port, "second");
        try {
            ServiceProcess.waitUntil(again, dir.resolve("second.log"), () -> demoSitesThere(http));
            for (Hammered h : sites) {
                JsonNode history = http.get("/api/sites/" + h.id + "/history", "admin").json();
                List<JsonNode> burst = new ArrayList<>();
                history.forEach(e -> {
                    if (e.get("type").asString().equals("transition") && !Instant.parse(e.get("at").asString())
                            .isBefore(started)) {
                        burst.add(e);
                    }
                });
                JsonNode site = http.get("/api/sites/" + h.id, "admin").json();
                int acked = h.acknowledged.get();
                assertThat(burst.size()).as("site %d: events vs %d acknowledged", h.id, acked)
                        .isBetween(acked, acked + 1);
                String expected = burst.size() == acked ? h.lastAcknowledged : h.inFlight;
                if (expected != null) {
                    assertThat(site.get("status").asString()).as("site %d", h.id).isEqualTo(expected);
                }
                if (!burst.isEmpty()) {
                    assertThat(burst.get(burst.size() - 1).get("to").asString()).isEqualTo(
                            site.get("status").asString());
                }
            }
        } finally {
            again.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Alternates operating ⇄ suspended with If-Match until stopped or the service is gone. */
    private static void hammer(Http http, Hammered h, AtomicBoolean stop) {
        try {
            String etag = http.get("/api/sites/" + h.id, "admin").header("ETag");
            String to = "suspended";
            while (!stop.get()) {
                h.inFlight = to;
                Http.Response r = http.post("/api/sites/" + h.id + "/transitions", "admin",
                        "{\"to\":\"" + to + "\",\"note\":\"压力测试\"}", etag);
                if (r.status() != 200) {
                    return;
                }
                h.acknowledged.incrementAndGet();
                h.lastAcknowledged = to;
                h.inFlight = null;
                etag = r.header("ETag");
                to = to.equals("suspended") ? "operating" : "suspended";
            }
        } catch (RuntimeException gone) {
            // the service was killed: this request was never acknowledged
        }
    }

    private Process start(int port, String run) throws IOException {
        return ServiceProcess.start(dir, port, run, databaseUrl());
    }

    /** Up, and the demo sites (loaded after the service is ready) there. */
    private static boolean demoSitesThere(Http http) {
        Http.Response r = http.get("/api/sites?kind=recycling_site&size=1", "admin");
        return r.status() == 200 && r.json().path("total").asLong() > 0
                && http.get("/actuator/health").status() == 200;
    }
}
