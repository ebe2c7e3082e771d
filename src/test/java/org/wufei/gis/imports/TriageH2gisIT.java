package org.wufei.gis.imports;


import org.springframework.test.context.ContextConfiguration;
import org.wufei.gis.support.H2gisDatabase;


/** Triage, promotion and rollback on embedded H2GIS. */
@ContextConfiguration(initializers = H2gisDatabase.class)
class TriageH2gisIT extends TriageContract {

}
