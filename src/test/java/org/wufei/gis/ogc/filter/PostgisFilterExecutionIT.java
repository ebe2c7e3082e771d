package org.wufei.gis.ogc.filter;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Runs the filter contract on PostGIS when GIS_TEST_POSTGIS_URL names a database with the postgis extension;
 * skipped otherwise. It works in a schema of its own and drops it afterwards.
 */
class PostgisFilterExecutionIT extends SiteFilterExecutionContract {

    private Connection connection;
    private String schema;

    @BeforeAll
    void openDatabase() throws SQLException {
        String url = System.getenv("GIS_TEST_POSTGIS_URL");
        assumeTrue(url != null && !url.isBlank(), "GIS_TEST_POSTGIS_URL not set");
        connection = DriverManager.getConnection(url);
        schema = "cql2_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
            // public stays on the path for the PostGIS functions and types.
            st.execute("SET search_path TO " + schema + ", public");
        }
        createSites();
    }

    @AfterAll
    void closeDatabase() throws SQLException {
        if (connection == null) {
            return;
        }
        try (Statement st = connection.createStatement()) {
            st.execute("DROP SCHEMA " + schema + " CASCADE");
        }
        connection.close();
    }

    @Override
    Connection connection() {
        return connection;
    }

    @Override
    SpatialDialect dialect() {
        return new PostgisDialect();
    }

    @Override
    String spatialIndexDdl() {
        return "CREATE INDEX site_geom_idx ON site USING GIST (geom)";
    }
}
