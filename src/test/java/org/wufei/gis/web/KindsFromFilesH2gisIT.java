package org.wufei.gis.web;

import org.springframework.test.context.ContextConfiguration;
import org.wufei.gis.support.H2gisDatabase;

/** A kind from a file alone, on H2GIS. */
@ContextConfiguration(initializers = H2gisDatabase.class)
class KindsFromFilesH2gisIT extends KindsFromFilesContract {
}
