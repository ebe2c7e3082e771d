package org.wufei.gis.web;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.ContextConfiguration;
import org.wufei.gis.support.PostgisDatabase;
import org.wufei.gis.support.TestDatabases;

/** The inspection API contract on PostGIS. */
@ContextConfiguration(initializers = PostgisDatabase.class)
class InspectionApiPostgisIT extends InspectionApiContract {

    @BeforeAll
    static void postgis() {
        TestDatabases.requirePostgis();
    }
}
