package org.wufei.gis.reports;

import org.springframework.test.context.ContextConfiguration;
import org.wufei.gis.support.H2gisDatabase;

/** The public-reports contract on H2GIS. */
@ContextConfiguration(initializers = H2gisDatabase.class)
class ReportsH2gisIT extends ReportsContract {
}
