package org.wufei.gis.security;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import org.wufei.gis.support.PostgisDatabase;
import org.wufei.gis.support.TestDatabases;

/** The role × endpoint matrix with public read off, on PostgreSQL + PostGIS. */
@ContextConfiguration(initializers = PostgisDatabase.class)
@TestPropertySource(properties = "gis.security.public-read=false")
class PrivatePermissionMatrixPostgisIT extends PermissionMatrixContract {

    @BeforeAll
    static void postgisIsThere() {
        TestDatabases.requirePostgis();
    }
}
