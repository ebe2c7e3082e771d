package org.wufei.gis.security.tokens;

import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import org.wufei.gis.support.H2gisDatabase;

/** Department tokens with public read off, on the embedded H2GIS database. */
@ContextConfiguration(initializers = H2gisDatabase.class)
@TestPropertySource(properties = "gis.security.public-read=false")
class TokenH2gisIT extends TokenContract {
}
