package org.wufei.gis.security;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.ContextConfiguration;
import org.wufei.gis.support.PostgisDatabase;
import org.wufei.gis.support.TestDatabases;

/** Anonymous reads on PostgreSQL + PostGIS. */
@ContextConfiguration(initializers = PostgisDatabase.class)
class AnonymousReadsPostgisIT extends AnonymousReadsContract {

    @BeforeAll
    static void postgisIsThere() {
        TestDatabases.requirePostgis();
    }
}
