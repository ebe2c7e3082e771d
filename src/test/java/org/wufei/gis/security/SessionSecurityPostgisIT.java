package org.wufei.gis.security;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.ContextConfiguration;
import org.wufei.gis.support.PostgisDatabase;
import org.wufei.gis.support.TestDatabases;

/** The login throttle, security headers and CSRF, on PostgreSQL + PostGIS. */
@ContextConfiguration(initializers = PostgisDatabase.class)
class SessionSecurityPostgisIT extends SessionSecurityContract {

    @BeforeAll
    static void postgisIsThere() {
        TestDatabases.requirePostgis();
    }
}
