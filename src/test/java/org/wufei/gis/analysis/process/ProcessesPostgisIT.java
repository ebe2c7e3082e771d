package org.wufei.gis.analysis.process;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.ContextConfiguration;
import org.wufei.gis.support.PostgisDatabase;
import org.wufei.gis.support.TestDatabases;

/** The processes contract on PostGIS. */
@ContextConfiguration(initializers = PostgisDatabase.class)
class ProcessesPostgisIT extends ProcessesContract {

    @BeforeAll
    static void postgis() {
        TestDatabases.requirePostgis();
    }

    @Override
    String slowQuery() {
        return "SELECT pg_sleep(20)";
    }
}
