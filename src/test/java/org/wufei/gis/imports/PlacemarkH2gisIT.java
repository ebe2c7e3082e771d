package org.wufei.gis.imports;

import org.springframework.test.context.ContextConfiguration;
import org.wufei.gis.support.H2gisDatabase;

/** Every placemark of a KML/KMZ, on embedded H2GIS. */
@ContextConfiguration(initializers = H2gisDatabase.class)
class PlacemarkH2gisIT extends PlacemarkContract {
}
