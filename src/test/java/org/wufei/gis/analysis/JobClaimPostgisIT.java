package org.wufei.gis.analysis;

import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.wufei.gis.common.DatabaseKind;
import org.wufei.gis.support.TestDatabases;

/** Job claiming on PostGIS (SELECT … FOR UPDATE SKIP LOCKED). */
class JobClaimPostgisIT extends JobClaimContract {

    @BeforeAll
    static void postgis() {
        TestDatabases.requirePostgis();
    }

    @Override
    DataSource database() {
        return JobTables.postgis();
    }

    @Override
    DatabaseKind kind() {
        return DatabaseKind.POSTGIS;
    }
}
