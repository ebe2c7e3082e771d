package org.wufei.gis.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.wufei.gis.support.Http;
import org.wufei.gis.support.IntegrationTest;
import org.wufei.gis.support.TestDatabases;

/**
 * A pathological CQL2 filter on PostGIS (a spheroid distance to a 300-vertex line, which no index serves, over
 * 12,000 heaps; the same predicate took 107 s over 120,000 polygons in psql on this loaded machine) is cut off by
 * the statement time limit and answered 422
 * query_timeout, and the service answers the next request as usual. The limit is 1 s in this context (30 s by
 * default, GIS_DB_STATEMENT_TIMEOUT).
 */
@IntegrationTest
@ContextConfiguration(initializers = PathologicalFilterTimeoutPostgisIT.ShortLimit.class)
class PathologicalFilterTimeoutPostgisIT {
    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;

    @BeforeAll
    static void postgisIsThere() {
        TestDatabases.requirePostgis();
    }

    /** A new PostGIS database, and a statement time limit of one second. */
    static class ShortLimit implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of("spring.datasource.url=" + TestDatabases.newPostgisDatabase(),
                    "spring.jdbc.template.query-timeout=1s").applyTo(context);
        }
    }

    @Test
    void aFilterThatWouldRunForSecondsIsCutOffAt422QueryTimeoutAndTheServiceCarriesOn() {
        JdbcClient jdbc = JdbcClient.create(new JdbcTemplate(dataSource)); // the set-up itself has no time limit
        jdbc.sql("""
                INSERT INTO site (code, name, kind, status, township, geom, area_m2, attributes, version, created_at,
                    updated_at)
                SELECT 'PF-' || s.id || '-' || g, s.name, s.kind, s.status, s.township,
                    ST_Translate(s.geom, (g % 10) * 0.0002, (g / 10) * 0.0002), s.area_m2, s.attributes, 0, now(),
                    now()
                FROM site s, generate_series(1, 100) g WHERE s.kind = 'waste_heap'""").update();
        jdbc.sql("ANALYZE site").update();
        Http http = new Http(port);

        StringBuilder line = new StringBuilder("LINESTRING(");
        for (int i = 0; i < 300; i++) {
            line.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.5f %.5f", 110.02 + 0.52 * i / 299,
                    40.59 + 0.3 * (0.5 + 0.5 * Math.sin(i * 0.7))));
        }
        String filter = "S_DWITHIN(geometry, " + line + "), 1)";
        long t0 = System.nanoTime();
        Http.Response r = http.get("/ogc/collections/waste_heaps/items?limit=10&filter="
                + URLEncoder.encode(filter, StandardCharsets.UTF_8));
        double seconds = (System.nanoTime() - t0) / 1e9;

        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.code()).isEqualTo("query_timeout");
        assertThat(seconds).as("answered after %.1f s", seconds).isLessThan(10.0);
        assertThat(http.get("/ogc/collections/waste_heaps/items?limit=1").status()).isEqualTo(200);
    }
}
