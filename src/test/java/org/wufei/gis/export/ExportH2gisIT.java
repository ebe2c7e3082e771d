package org.wufei.gis.export;

import org.springframework.test.context.ContextConfiguration;
import org.wufei.gis.support.H2gisDatabase;

/** Exports from embedded H2GIS. */
@ContextConfiguration(initializers = H2gisDatabase.class)
class ExportH2gisIT extends ExportContract {
}
