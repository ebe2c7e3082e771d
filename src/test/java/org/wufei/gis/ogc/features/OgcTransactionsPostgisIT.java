package org.wufei.gis.ogc.features;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.ContextConfiguration;
import org.wufei.gis.support.PostgisDatabase;
import org.wufei.gis.support.TestDatabases;

/** OGC API - Features Part 4 on PostgreSQL + PostGIS. */
@ContextConfiguration(initializers = PostgisDatabase.class)
class OgcTransactionsPostgisIT extends OgcTransactionsContract {

    @BeforeAll
    static void postgisIsThere() {
        TestDatabases.requirePostgis();
    }
}
