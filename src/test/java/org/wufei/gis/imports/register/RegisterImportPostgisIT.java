package org.wufei.gis.imports.register;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.ContextConfiguration;
import org.wufei.gis.support.PostgisDatabase;
import org.wufei.gis.support.TestDatabases;

/** Register imports (清单入库), on PostgreSQL + PostGIS. */
@ContextConfiguration(initializers = PostgisDatabase.class)
class RegisterImportPostgisIT extends RegisterImportContract {

    @BeforeAll
    static void postgisIsThere() {
        TestDatabases.requirePostgis();
    }
}
