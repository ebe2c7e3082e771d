package org.wufei.gis.indicators;

import org.springframework.test.context.ContextConfiguration;
import org.wufei.gis.support.H2gisDatabase;

/** The indicators on the embedded H2GIS database. */
@ContextConfiguration(initializers = H2gisDatabase.class)
class IndicatorsH2gisIT extends IndicatorsContract {
}
