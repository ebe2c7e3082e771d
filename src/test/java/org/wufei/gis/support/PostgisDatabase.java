package org.wufei.gis.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a test context at a new PostgreSQL database with PostGIS. Classes using it must call
 * {@link TestDatabases#requirePostgis()} from a static @BeforeAll (skip locally, fail under CI=true).
 */
public class PostgisDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
        // a cached context keeps one idle connection, not the pool's 16: the suite's PostGIS contexts stay well under
        // the server's max_connections (100)
        TestPropertyValues.of("spring.datasource.url=" + TestDatabases.newPostgisDatabase(),
                "spring.datasource.hikari.minimum-idle=1", "spring.datasource.hikari.idle-timeout=10000")
                .applyTo(context);
    }
}
