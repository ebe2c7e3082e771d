package org.wufei.gis.imports;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.ContextConfiguration;
import org.wufei.gis.support.PostgisDatabase;
import org.wufei.gis.support.TestDatabases;

/** One verification queue, on PostgreSQL + PostGIS. */
@ContextConfiguration(initializers = PostgisDatabase.class)
class QueuePostgisIT extends QueueContract {

    @BeforeAll
    static void postgisIsThere() {
        TestDatabases.requirePostgis();
    }
}
