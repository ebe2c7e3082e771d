package org.wufei.gis.analysis.process;

import org.springframework.test.context.ContextConfiguration;
import org.wufei.gis.support.H2gisDatabase;

/** The processes contract on H2GIS. */
@ContextConfiguration(initializers = H2gisDatabase.class)
class ProcessesH2gisIT extends ProcessesContract {

    @Override
    String slowQuery() {
        return "SELECT COUNT(*) FROM SYSTEM_RANGE(1, 200000) a, SYSTEM_RANGE(1, 200000) b WHERE a.X + b.X < 0";
    }
}
