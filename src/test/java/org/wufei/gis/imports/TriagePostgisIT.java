package org.wufei.gis.imports;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.ContextConfiguration;
import org.wufei.gis.support.PostgisDatabase;
import org.wufei.gis.support.TestDatabases;

/** Triage, promotion and rollback on PostgreSQL + PostGIS. */
@ContextConfiguration(initializers = PostgisDatabase.class)
class TriagePostgisIT extends TriageContract {

    @BeforeAll
    static void postgisIsThere() {
        TestDatabases.requirePostgis();
    }
}
