package org.wufei.gis.imports;


import org.springframework.test.context.ContextConfiguration;
import org.wufei.gis.support.H2gisDatabase;


/** Uploads on embedded H2GIS. */
@ContextConfiguration(initializers = H2gisDatabase.class)
class ImportH2gisIT extends ImportContract {

}
