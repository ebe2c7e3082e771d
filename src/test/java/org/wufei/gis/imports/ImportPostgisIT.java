package org.wufei.gis.imports;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.ContextConfiguration;
import org.wufei.gis.support.PostgisDatabase;
import org.wufei.gis.support.TestDatabases;

/** Uploads on PostgreSQL + PostGIS. */
@ContextConfiguration(initializers = PostgisDatabase.class)
class ImportPostgisIT extends ImportContract {

    @BeforeAll
    static void postgisIsThere() {
        TestDatabases.requirePostgis();
    }
}
