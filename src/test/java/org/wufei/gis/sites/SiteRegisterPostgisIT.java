package org.wufei.gis.sites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ContextConfiguration;
import org.wufei.gis.support.PostgisDatabase;
import org.wufei.gis.support.TestDatabases;

/** The site register on PostgreSQL + PostGIS, in a database of its own. */
@ContextConfiguration(initializers = PostgisDatabase.class)
class SiteRegisterPostgisIT extends SiteRegisterContract {

    @BeforeAll
    static void postgisIsThere() {
        TestDatabases.requirePostgis();
    }

    @Override
    long spatiallyIndexedGeometryColumns() {
        return jdbc.sql("""
                SELECT COUNT(*) FROM pg_indexes
                WHERE tablename IN ('site', 'township', 'river') AND indexdef ILIKE '%USING gist (geom)%'""")
                .query(Long.class).single();
    }

    @Test
    void theDatabaseItselfRefusesToRewriteOrEraseHistory() {
        long any = jdbc.sql("SELECT MIN(id) FROM status_event").query(Long.class).single();
        assertThatThrownBy(() -> jdbc.sql("UPDATE status_event SET note = 'forged' WHERE id = ?").param(any).update())
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM status_event WHERE id = ?").param(any).update())
                .hasStackTraceContaining("append-only");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM status_event WHERE id = ?").param(any).query(Long.class).single())
                .isEqualTo(1);
    }
}
