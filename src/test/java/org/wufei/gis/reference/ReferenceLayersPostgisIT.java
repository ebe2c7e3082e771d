package org.wufei.gis.reference;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.ContextConfiguration;
import org.wufei.gis.support.PostgisDatabase;
import org.wufei.gis.support.TestDatabases;

/** Reference layer replacement on PostGIS. */
@ContextConfiguration(initializers = PostgisDatabase.class)
class ReferenceLayersPostgisIT extends ReferenceLayersContract {

    @BeforeAll
    static void postgis() {
        TestDatabases.requirePostgis();
    }
}
