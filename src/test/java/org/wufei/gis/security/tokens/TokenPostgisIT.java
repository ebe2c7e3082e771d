package org.wufei.gis.security.tokens;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import org.wufei.gis.support.PostgisDatabase;
import org.wufei.gis.support.TestDatabases;

/** Department tokens with public read off, on PostgreSQL + PostGIS. */
@ContextConfiguration(initializers = PostgisDatabase.class)
@TestPropertySource(properties = "gis.security.public-read=false")
class TokenPostgisIT extends TokenContract {

    @BeforeAll
    static void postgisIsThere() {
        TestDatabases.requirePostgis();
    }
}
