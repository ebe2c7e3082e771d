package org.wufei.gis.ogc.features;

import org.springframework.test.context.ContextConfiguration;
import org.wufei.gis.support.H2gisDatabase;

/** OGC API - Features Part 4 on embedded H2GIS. */
@ContextConfiguration(initializers = H2gisDatabase.class)
class OgcTransactionsH2gisIT extends OgcTransactionsContract {
}
