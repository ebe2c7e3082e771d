package org.wufei.gis.security;

import org.springframework.test.context.ContextConfiguration;
import org.wufei.gis.support.H2gisDatabase;

/** The login throttle, security headers and CSRF, on the embedded H2GIS database. */
@ContextConfiguration(initializers = H2gisDatabase.class)
class SessionSecurityH2gisIT extends SessionSecurityContract {
}
