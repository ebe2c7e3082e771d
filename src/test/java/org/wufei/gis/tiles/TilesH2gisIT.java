package org.wufei.gis.tiles;

import org.springframework.test.context.ContextConfiguration;
import org.wufei.gis.support.H2gisDatabase;

/** The tiles contract on H2GIS (tiles encoded in Java). */
@ContextConfiguration(initializers = H2gisDatabase.class)
class TilesH2gisIT extends TilesContract {
}
