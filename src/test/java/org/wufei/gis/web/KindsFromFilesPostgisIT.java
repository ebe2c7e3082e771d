package org.wufei.gis.web;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.ContextConfiguration;
import org.wufei.gis.support.PostgisDatabase;
import org.wufei.gis.support.TestDatabases;

/** A kind from a file alone, on PostGIS. */
@ContextConfiguration(initializers = PostgisDatabase.class)
class KindsFromFilesPostgisIT extends KindsFromFilesContract {

    @BeforeAll
    static void requirePostgis() {
        TestDatabases.requirePostgis();
    }
}
