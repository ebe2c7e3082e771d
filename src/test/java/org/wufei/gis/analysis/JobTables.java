package org.wufei.gis.analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.wufei.gis.common.DatabaseKind;
import org.wufei.gis.support.TestDatabases;

/**
 * A {@code process_job} table made by the service's own migration, alone in a fresh H2 database or a fresh PostGIS
 * schema, with a {@link JobStore} over it: job tests without the application (and its own workers) around.
 */
final class JobTables {
    private JobTables() {
    }

    static DataSource h2() {
        return migrated(new DriverManagerDataSource(TestDatabases.h2gisUrl()), "h2gis");
    }

    static DataSource postgis() {
        String url = System.getenv(TestDatabases.POSTGIS_ENV);
        String schema = "jobs_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return migrated(new DriverManagerDataSource(url + "&currentSchema=" + schema), "postgis");
    }

    /** Runs the migration files of the table, each as one script (both drivers take several statements at once). */
    private static DataSource migrated(DataSource ds, String database) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (String file : new String[] {"V103__process_job.sql", "V313__process_job_result_gzip.sql"}) {
                s.execute(Files.readString(Path.of("src/main/resources/db/migration", database, file)));
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException(e);
        }
        return ds;
    }

    static JobStore store(DataSource ds, DatabaseKind kind) {
        return new JobStore(JdbcClient.create(ds), new TransactionTemplate(new DataSourceTransactionManager(ds)), kind);
    }
}
