package org.wufei.gis.disclosure;

import org.springframework.test.context.ContextConfiguration;
import org.wufei.gis.support.H2gisDatabase;

/** Public disclosure on the embedded H2GIS database. */
@ContextConfiguration(initializers = H2gisDatabase.class)
class DisclosureH2gisIT extends DisclosureContract {
}
