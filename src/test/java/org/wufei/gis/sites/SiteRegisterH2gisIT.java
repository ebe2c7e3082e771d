package org.wufei.gis.sites;

import org.springframework.test.context.ContextConfiguration;
import org.wufei.gis.support.H2gisDatabase;

/** The site register on the embedded H2GIS database. */
@ContextConfiguration(initializers = H2gisDatabase.class)
class SiteRegisterH2gisIT extends SiteRegisterContract {

    @Override
    long spatiallyIndexedGeometryColumns() {
        return jdbc.sql("""
                SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES
                WHERE INDEX_TYPE_NAME = 'SPATIAL INDEX' AND TABLE_NAME IN ('SITE', 'TOWNSHIP', 'RIVER')""")
                .query(Long.class).single();
    }
}
