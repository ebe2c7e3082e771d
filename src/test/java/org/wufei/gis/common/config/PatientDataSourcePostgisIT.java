package org.wufei.gis.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wufei.gis.support.TestDatabases;

/** A busy pool is waited for; a database that is gone still fails within the connection timeout. */
class PatientDataSourcePostgisIT {

    @BeforeAll
    static void postgisIsThere() {
        TestDatabases.requirePostgis();
    }

    private static HikariDataSource pool(String url) {
        HikariDataSource h = new HikariDataSource();
        h.setJdbcUrl(url);
        h.setMaximumPoolSize(1);
        h.setConnectionTimeout(300);
        h.setValidationTimeout(250);
        h.setInitializationFailTimeout(-1);
        return h;
    }

    @Test
    void aRequestWaitsPastTheConnectionTimeoutWhileEveryConnectionIsInUse() throws Exception {
        try (HikariDataSource hikari = pool(System.getenv("GIS_TEST_POSTGIS_URL"))) {
            PatientDataSource patient = new PatientDataSource(hikari, 10_000);
            Connection held = patient.getConnection();
            CompletableFuture<Boolean> waiter = CompletableFuture.supplyAsync(() -> {
                try (Connection c = patient.getConnection()) {
                    return c.isValid(1);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(1_000); // more than three connection timeouts
            assertThat(waiter).isNotDone();
            held.close();
            assertThat(waiter.get(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aDatabaseThatIsGoneFailsWithinTheConnectionTimeout() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        try (HikariDataSource hikari = pool("jdbc:postgresql://127.0.0.1:" + closedPort + "/none?user=postgres")) {
            PatientDataSource patient = new PatientDataSource(hikari, 10_000);
            long t0 = System.nanoTime();
            assertThatThrownBy(patient::getConnection).isInstanceOf(SQLTransientConnectionException.class);
            assertThat((System.nanoTime() - t0) / 1e9).isLessThan(2.0);
            assertThat(patient.alive()).isFalse();
        }
    }
}
