package org.wufei.gis.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * H2 2.4.240 breaks a text-comparing CHECK constraint once the session that created it closes while the database
 * stays open (reproduced with plain JDBC: an insert from another session then fails "Check constraint invalid"); the
 * service's migration strategy reopens the database after migrating, so the constraints hold for the pool's later
 * connections and still refuse a bad value.
 */
class H2ChecksAfterMigrationTest {
    private static final String INSERT = """
            INSERT INTO import_batch (content_sha256, file_name, format, source, state, strict, uploaded_by, created_at)
            VALUES (?, 'a.geojson', 'geojson', 'drone', ?, FALSE, 'test', CURRENT_TIMESTAMP)""";

    @TempDir
    Path dir;

    @Test
    void checksHoldAfterTheMigratingConnectionIsRetired() {
        try (HikariDataSource ds = pool("reopened")) {
            DatabaseConfiguration.migrate(flyway(ds), DatabaseKind.H2GIS, ds);
            ds.getHikariPoolMXBean().softEvictConnections(); // what max-lifetime does to the migrating connection
            JdbcTemplate jdbc = new JdbcTemplate(ds);
            assertThat(jdbc.update(INSERT, "a".repeat(64), "queued")).isEqualTo(1);
            assertThatThrownBy(() -> jdbc.update(INSERT, "b".repeat(64), "no-such-state"))
                    .hasRootCauseInstanceOf(SQLException.class).hasMessageContaining("violation");
        }
    }

    private HikariDataSource pool(String name) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:file:" + dir.resolve(name) + ";DB_CLOSE_ON_EXIT=FALSE");
        config.setUsername("sa");
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(1);
        return new HikariDataSource(config);
    }

    private static Flyway flyway(HikariDataSource ds) {
        return Flyway.configure().dataSource(ds).locations(DatabaseKind.H2GIS.migrationLocation()).load();
    }
}
