package org.wufei.gis.reports;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.ContextConfiguration;
import org.wufei.gis.support.PostgisDatabase;
import org.wufei.gis.support.TestDatabases;

/** The public-reports contract on PostGIS. */
@ContextConfiguration(initializers = PostgisDatabase.class)
class ReportsPostgisIT extends ReportsContract {

    @BeforeAll
    static void postgis() {
        TestDatabases.requirePostgis();
    }
}
