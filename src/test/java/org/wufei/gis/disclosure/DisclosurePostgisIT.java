package org.wufei.gis.disclosure;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.ContextConfiguration;
import org.wufei.gis.support.PostgisDatabase;
import org.wufei.gis.support.TestDatabases;

/** Public disclosure on PostgreSQL + PostGIS. */
@ContextConfiguration(initializers = PostgisDatabase.class)
class DisclosurePostgisIT extends DisclosureContract {

    @BeforeAll
    static void postgisIsThere() {
        TestDatabases.requirePostgis();
    }
}
