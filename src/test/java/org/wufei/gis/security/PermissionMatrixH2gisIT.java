package org.wufei.gis.security;

import org.springframework.test.context.ContextConfiguration;
import org.wufei.gis.support.H2gisDatabase;

/** The role × endpoint matrix with public read on, on the embedded H2GIS database. */
@ContextConfiguration(initializers = H2gisDatabase.class)
class PermissionMatrixH2gisIT extends PermissionMatrixContract {
}
