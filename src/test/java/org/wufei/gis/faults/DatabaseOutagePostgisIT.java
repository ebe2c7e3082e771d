package org.wufei.gis.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;
import org.wufei.gis.support.Http;
import org.wufei.gis.support.IntegrationTest;
import org.wufei.gis.support.TcpProxy;
import org.wufei.gis.support.TestDatabases;

/**
 * The database goes away under a running service (a TCP proxy between them is cut) and comes back: requests answer
 * 503 problem+json within 2 s meanwhile, readiness is DOWN, and the service recovers by itself.
 */
@IntegrationTest
@ContextConfiguration(initializers = DatabaseOutagePostgisIT.ThroughProxy.class)
class DatabaseOutagePostgisIT {
    static TcpProxy proxy;

    @LocalServerPort
    int port;

    @BeforeAll
    static void postgisIsThere() {
        TestDatabases.requirePostgis();
    }

    @AfterAll
    static void stop() {
        if (proxy != null) {
            proxy.close();
        }
    }

    /** A new PostGIS database, reached through the proxy. */
    static class ThroughProxy implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            String url = TestDatabases.newPostgisDatabase();
            try {
                proxy = new TcpProxy("127.0.0.1", 5432);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            TestPropertyValues.of("spring.datasource.url=" + url.replaceFirst("//[^/]+/", "//127.0.0.1:"
                    + proxy.port() + "/")).applyTo(context);
        }
    }

    @Test
    void anOutageAnswers503QuicklyReadinessIsDownAndTheServiceRecoversByItself() throws Exception {
        Http http = new Http(port);
        long site = http.get("/api/sites?size=1", "viewer").json().get("items").get(0).get("id").asLong();
        assertThat(http.get("/api/sites/" + site).status()).isEqualTo(200);
        assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(200);

        proxy.cut();
        for (String path : new String[] {"/api/sites/" + site, "/api/sites/" + site + "/history",
            "/ogc/collections/waste_heaps/items?limit=5&filter=status='closed'"}) {
            long t0 = System.nanoTime();
            Http.Response r = http.get(path);
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertThat(r.status()).as(path + " " + r.body()).isEqualTo(503);
            assertThat(r.code()).isEqualTo("database_unavailable");
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            assertThat(r.header("Retry-After")).isNotBlank();
            assertThat(seconds).as(path + " answered after %.2f s", seconds).isLessThan(2.0);
        }
        assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(503);

        proxy.restore();
        long deadline = System.currentTimeMillis() + 15_000;
        int status = 0;
        while (System.currentTimeMillis() < deadline && (status = http.get("/api/sites/" + site).status()) != 200) {
            Thread.sleep(200);
        }
        assertThat(status).isEqualTo(200);
        assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(200);
    }
}
