package org.wufei.gis.reference;

import org.springframework.test.context.ContextConfiguration;
import org.wufei.gis.support.H2gisDatabase;

/** Reference layer replacement on H2GIS. */
@ContextConfiguration(initializers = H2gisDatabase.class)
class ReferenceLayersH2gisIT extends ReferenceLayersContract {
}
