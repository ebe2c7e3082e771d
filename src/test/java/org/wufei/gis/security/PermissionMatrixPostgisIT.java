package org.wufei.gis.security;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.ContextConfiguration;
import org.wufei.gis.support.PostgisDatabase;
import org.wufei.gis.support.TestDatabases;

/** The role × endpoint matrix with public read on, on PostgreSQL + PostGIS. */
@ContextConfiguration(initializers = PostgisDatabase.class)
class PermissionMatrixPostgisIT extends PermissionMatrixContract {

    @BeforeAll
    static void postgisIsThere() {
        TestDatabases.requirePostgis();
    }
}
