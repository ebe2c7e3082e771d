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
        TestPropertyValues.of("spring.datasource.url=" + TestDatabases.newPostgisDatabase()).applyTo(context);
    }
}
