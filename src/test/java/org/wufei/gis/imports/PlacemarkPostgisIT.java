package org.wufei.gis.imports;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.ContextConfiguration;
import org.wufei.gis.support.PostgisDatabase;
import org.wufei.gis.support.TestDatabases;

/** Every placemark of a KML/KMZ, on PostgreSQL + PostGIS. */
@ContextConfiguration(initializers = PostgisDatabase.class)
class PlacemarkPostgisIT extends PlacemarkContract {

    @BeforeAll
    static void postgisIsThere() {
        TestDatabases.requirePostgis();
    }
}
