package org.wufei.gis.security.audit;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.ContextConfiguration;
import org.wufei.gis.support.PostgisDatabase;
import org.wufei.gis.support.TestDatabases;

/** The audit trail on PostgreSQL + PostGIS. */
@ContextConfiguration(initializers = PostgisDatabase.class)
class AuditPostgisIT extends AuditContract {

    @BeforeAll
    static void postgisIsThere() {
        TestDatabases.requirePostgis();
    }
}
