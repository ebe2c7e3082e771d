package org.wufei.gis.ogc.filter;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.h2gis.functions.factory.H2GISFunctions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Runs the filter contract on an in-memory H2GIS database. */
class H2gisFilterExecutionIT extends SiteFilterExecutionContract {

    private Connection connection;

    @BeforeAll
    void openDatabase() throws SQLException {
        connection = DriverManager.getConnection("jdbc:h2:mem:cql2_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        H2GISFunctions.load(connection);
        createSites();
    }

    @AfterAll
    void closeDatabase() throws SQLException {
        try (var st = connection.createStatement()) {
            st.execute("SHUTDOWN");
        }
        connection.close();
    }

    @Override
    Connection connection() {
        return connection;
    }

    @Override
    SpatialDialect dialect() {
        return new H2gisDialect();
    }

    @Override
    String spatialIndexDdl() {
        return "CREATE SPATIAL INDEX site_geom_idx ON site(geom)";
    }
}
