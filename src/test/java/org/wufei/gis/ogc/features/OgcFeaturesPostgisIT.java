package org.wufei.gis.ogc.features;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.ContextConfiguration;
import org.wufei.gis.support.PostgisDatabase;
import org.wufei.gis.support.TestDatabases;

/** OGC API - Features on PostgreSQL + PostGIS. */
@ContextConfiguration(initializers = PostgisDatabase.class)
class OgcFeaturesPostgisIT extends OgcFeaturesContract {

    @BeforeAll
    static void postgisIsThere() {
        TestDatabases.requirePostgis();
    }
}
