package org.wufei.gis.ogc.features;

import org.springframework.test.context.ContextConfiguration;
import org.wufei.gis.support.H2gisDatabase;

/** Counting and writing items pages on embedded H2GIS. */
@ContextConfiguration(initializers = H2gisDatabase.class)
class ItemsCountingH2gisIT extends ItemsCountingContract {
}
