package org.wufei.gis.export;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.ContextConfiguration;
import org.wufei.gis.support.PostgisDatabase;
import org.wufei.gis.support.TestDatabases;

/** Exports from PostgreSQL + PostGIS (rows through a cursor). */
@ContextConfiguration(initializers = PostgisDatabase.class)
class ExportPostgisIT extends ExportContract {

    @BeforeAll
    static void postgisIsThere() {
        TestDatabases.requirePostgis();
    }
}
