package org.wufei.gis.imports.register;

import org.springframework.test.context.ContextConfiguration;
import org.wufei.gis.support.H2gisDatabase;

/** Register imports (清单入库), on embedded H2GIS. */
@ContextConfiguration(initializers = H2gisDatabase.class)
class RegisterImportH2gisIT extends RegisterImportContract {
}
