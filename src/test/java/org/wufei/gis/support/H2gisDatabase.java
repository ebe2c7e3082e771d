package org.wufei.gis.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a test context at a fresh in-memory H2GIS database. Test classes that name this initializer
 * (and the same {@link IntegrationTest} settings) share one cached context and one database.
 */
public class H2gisDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of("spring.datasource.url=" + TestDatabases.h2gisUrl()).applyTo(context);
    }
}
