package org.wufei.gis.ogc.features;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ContextConfiguration;
import org.wufei.gis.support.PostgisDatabase;
import org.wufei.gis.support.TestDatabases;

/** Counting and writing items pages on PostgreSQL + PostGIS. */
@ContextConfiguration(initializers = PostgisDatabase.class)
class ItemsCountingPostgisIT extends ItemsCountingContract {

    @BeforeAll
    static void postgisIsThere() {
        TestDatabases.requirePostgis();
    }

    /** A generic plan knows no bounding box and reads ten times the rows (DatabaseConfiguration). */
    @Test
    void everyStatementIsPlannedWithItsBoundValues() {
        assertThat(jdbc.sql("SHOW plan_cache_mode").query(String.class).single()).isEqualTo("force_custom_plan");
    }
}
