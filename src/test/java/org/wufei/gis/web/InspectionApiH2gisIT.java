package org.wufei.gis.web;

import org.springframework.test.context.ContextConfiguration;
import org.wufei.gis.support.H2gisDatabase;

/** The inspection API contract on H2GIS. */
@ContextConfiguration(initializers = H2gisDatabase.class)
class InspectionApiH2gisIT extends InspectionApiContract {
}
