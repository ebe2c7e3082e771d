package org.wufei.gis.imports;

import org.springframework.test.context.ContextConfiguration;
import org.wufei.gis.support.H2gisDatabase;

/** One verification queue, on embedded H2GIS. */
@ContextConfiguration(initializers = H2gisDatabase.class)
class QueueH2gisIT extends QueueContract {
}
