package org.wufei.gis.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * Fresh databases for tests: an in-memory H2GIS per Spring context, and a new PostgreSQL database with
 * PostGIS per context, made from GIS_TEST_POSTGIS_URL (which .ci/run exports). Under CI=true a missing or
 * broken PostGIS fails the build instead of skipping.
 */
public final class TestDatabases {
    public static final String POSTGIS_ENV = "GIS_TEST_POSTGIS_URL";

    private TestDatabases() {
    }

    public static String h2gisUrl() {
        return "jdbc:h2:mem:gis-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    /** Call from a static @BeforeAll: skips the class locally when PostGIS is absent, fails it in CI. */
    public static void requirePostgis() {
        String url = System.getenv(POSTGIS_ENV);
        String problem = null;
        if (url == null || url.isBlank()) {
            problem = POSTGIS_ENV + " is not set";
        } else {
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("CREATE EXTENSION IF NOT EXISTS postgis");
            } catch (SQLException e) {
                problem = "PostGIS at " + url + " is not usable: " + e.getMessage();
            }
        }
        if (problem != null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI=true needs PostGIS: " + problem);
            }
            Assumptions.abort("PostGIS tests skipped: " + problem);
        }
    }

    /** Creates a new database with the postgis extension next to the one GIS_TEST_POSTGIS_URL names. */
    public static String newPostgisDatabase() {
        String admin = System.getenv(POSTGIS_ENV);
        String name = "gis_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(admin); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name, e);
        }
        String url = replaceDatabase(admin, name);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION postgis");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot enable PostGIS in " + name, e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(admin, name)));
        return url;
    }

    private static void drop(String admin, String name) {
        try (Connection c = DriverManager.getConnection(admin); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException ignored) {
            // Best effort at JVM exit; a leftover database never affects a later run (names are random).
        }
    }

    static String replaceDatabase(String jdbcUrl, String database) {
        int slash = jdbcUrl.indexOf('/', "jdbc:postgresql://".length());
        int query = jdbcUrl.indexOf('?', slash);
        return jdbcUrl.substring(0, slash + 1) + database + (query < 0 ? "" : jdbcUrl.substring(query));
    }
}
