package org.wufei.gis.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wufei.gis.common.config.DatabaseConfiguration;

/**
 * H2 2.4.240 breaks a text-comparing CHECK constraint once the session that created it closes while the database
 * stays open; the service's H2 pool therefore never retires a connection (the one Flyway migrated with among them).
 * If the first test fails after an H2 upgrade, the bug is fixed and the workaround can go.
 */
class H2ChecksAfterMigrationTest {
    @TempDir
    Path dir;

    @Test
    void aCheckBreaksWhenItsCreatingSessionCloses() throws SQLException {
        String url = "jdbc:h2:file:" + dir.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE";
        try (Connection other = DriverManager.getConnection(url, "sa", "")) {
            try (Connection creator = DriverManager.getConnection(url, "sa", "");
                    Statement s = creator.createStatement()) {
                s.execute("CREATE TABLE t (state VARCHAR(10), CONSTRAINT t_ck CHECK (state IN ('a', 'b')))");
                s.execute("INSERT INTO t VALUES ('a')");
            }
            try (Statement s = other.createStatement()) {
                assertThatThrownBy(() -> s.execute("INSERT INTO t VALUES ('b')"))
                        .hasMessageContaining("Check constraint invalid");
            }
        }
    }

    @Test
    void theH2PoolNeverRetiresAConnectionAndOthersAreLeftAlone() {
        try (HikariDataSource h2 = new HikariDataSource(); HikariDataSource pg = new HikariDataSource()) {
            h2.setJdbcUrl("jdbc:h2:mem:x");
            pg.setJdbcUrl("jdbc:postgresql://127.0.0.1:5432/x");
            DatabaseConfiguration.keepH2ConnectionsOpen(h2);
            DatabaseConfiguration.keepH2ConnectionsOpen(pg);
            assertThat(h2.getMaxLifetime()).isZero();
            assertThat(h2.getIdleTimeout()).isZero();
            assertThat(pg.getMaxLifetime()).isEqualTo(1_800_000L);
        }
    }
}
