package org.wufei.gis.analysis.process;

import org.springframework.test.context.ContextConfiguration;
import org.wufei.gis.support.H2gisDatabase;

/** The echo process contract on H2GIS. */
@ContextConfiguration(initializers = H2gisDatabase.class)
class EchoH2gisIT extends EchoContract {
}
