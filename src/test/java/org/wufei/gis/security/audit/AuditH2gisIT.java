package org.wufei.gis.security.audit;

import org.springframework.test.context.ContextConfiguration;
import org.wufei.gis.support.H2gisDatabase;

/** The audit trail on the embedded H2GIS database. */
@ContextConfiguration(initializers = H2gisDatabase.class)
class AuditH2gisIT extends AuditContract {
}
