package org.wufei.gis.common;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Picks the migration folder of the database in use, so one code base serves H2GIS and PostGIS. */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean
    DatabaseKind databaseKind(DataSource dataSource) {
        return DatabaseKind.of(dataSource);
    }

    @Bean
    FlywayConfigurationCustomizer migrationsPerDatabase(DatabaseKind kind) {
        return flyway -> flyway.locations(kind.migrationLocation());
    }

    @Bean
    FlywayMigrationStrategy migrateThenReopenH2(DatabaseKind kind, DataSource dataSource) {
        return flyway -> migrate(flyway, kind, dataSource);
    }

    /**
     * Migrates; on H2GIS, when a migration ran, closes the database and lets the pool open it again. H2 2.4.240 ties
     * a CHECK constraint that compares text to the session that created it: once that connection closes (the pool
     * retires it after its max lifetime) every insert into the table fails with "Check constraint invalid" until
     * the database is opened again ({@code H2ChecksAfterMigrationTest}).
     */
    static void migrate(Flyway flyway, DatabaseKind kind, DataSource dataSource) {
        if (flyway.migrate().migrationsExecuted > 0 && kind == DatabaseKind.H2GIS) {
            Connection c = null;
            try {
                c = dataSource.getConnection();
                if (c.getMetaData().getURL().startsWith("jdbc:h2:mem:")) {
                    return; // closing an in-memory database would drop it (tests; nothing there lives 30 minutes)
                }
                try (Statement s = c.createStatement()) {
                    s.execute("SHUTDOWN");
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not reopen the H2 database after migrating", e);
            } finally {
                closeClosed(c);
            }
            if (dataSource instanceof HikariDataSource hikari && hikari.getHikariPoolMXBean() != null) {
                hikari.getHikariPoolMXBean().softEvictConnections();
            }
        }
    }

    /** Returns a connection to its pool after SHUTDOWN, which closing it then reports as already closed. */
    private static void closeClosed(Connection c) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (SQLException e) {
            // the database is closed: the pool drops the connection
        }
    }
}
