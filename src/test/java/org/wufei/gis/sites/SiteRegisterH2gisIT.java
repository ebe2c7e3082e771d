package org.wufei.gis.sites;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.wufei.gis.support.TestDatabases;

/** The site register on the embedded H2GIS database. */
class SiteRegisterH2gisIT extends SiteRegisterContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestDatabases::h2gisUrl);
    }

    @Override
    long spatiallyIndexedGeometryColumns() {
        return jdbc.sql("""
                SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES
                WHERE INDEX_TYPE_NAME = 'SPATIAL INDEX' AND TABLE_NAME IN ('SITE', 'TOWNSHIP', 'RIVER')""")
                .query(Long.class).single();
    }
}
