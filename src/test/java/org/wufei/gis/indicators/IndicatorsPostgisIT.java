package org.wufei.gis.indicators;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.ContextConfiguration;
import org.wufei.gis.support.PostgisDatabase;
import org.wufei.gis.support.TestDatabases;

/** The indicators on PostgreSQL + PostGIS. */
@ContextConfiguration(initializers = PostgisDatabase.class)
class IndicatorsPostgisIT extends IndicatorsContract {

    @BeforeAll
    static void postgisIsThere() {
        TestDatabases.requirePostgis();
    }
}
