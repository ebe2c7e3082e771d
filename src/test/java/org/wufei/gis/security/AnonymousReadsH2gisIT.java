package org.wufei.gis.security;

import org.springframework.test.context.ContextConfiguration;
import org.wufei.gis.support.H2gisDatabase;

/** Anonymous reads on the embedded H2GIS database. */
@ContextConfiguration(initializers = H2gisDatabase.class)
class AnonymousReadsH2gisIT extends AnonymousReadsContract {
}
