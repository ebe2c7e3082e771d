package org.wufei.gis.analysis.process;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.ContextConfiguration;
import org.wufei.gis.support.PostgisDatabase;
import org.wufei.gis.support.TestDatabases;

/** The echo process contract on PostGIS. */
@ContextConfiguration(initializers = PostgisDatabase.class)
class EchoPostgisIT extends EchoContract {

    @BeforeAll
    static void postgis() {
        TestDatabases.requirePostgis();
    }
}
