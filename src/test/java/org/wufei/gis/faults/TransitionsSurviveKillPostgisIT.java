package org.wufei.gis.faults;

import org.junit.jupiter.api.BeforeAll;
import org.wufei.gis.support.TestDatabases;

/** Kill -9 during transitions on PostgreSQL + PostGIS. */
class TransitionsSurviveKillPostgisIT extends TransitionsSurviveKillContract {
    private static String url;

    @BeforeAll
    static void postgisIsThere() {
        TestDatabases.requirePostgis();
        url = TestDatabases.newPostgisDatabase();
    }

    @Override
    String databaseUrl() {
        return url;
    }
}
