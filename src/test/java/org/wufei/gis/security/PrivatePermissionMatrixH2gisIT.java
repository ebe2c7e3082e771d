package org.wufei.gis.security;

import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import org.wufei.gis.support.H2gisDatabase;

/** The role × endpoint matrix with public read off, on the embedded H2GIS database. */
@ContextConfiguration(initializers = H2gisDatabase.class)
@TestPropertySource(properties = "gis.security.public-read=false")
class PrivatePermissionMatrixH2gisIT extends PermissionMatrixContract {
}
