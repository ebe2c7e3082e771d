package org.wufei.gis.analysis;

import javax.sql.DataSource;
import org.wufei.gis.common.DatabaseKind;

/** Job claiming on H2GIS (conditional UPDATE). */
class JobClaimH2gisIT extends JobClaimContract {

    @Override
    DataSource database() {
        return JobTables.h2();
    }

    @Override
    DatabaseKind kind() {
        return DatabaseKind.H2GIS;
    }
}
