package org.wufei.gis.common.config;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The pool as requests use it, telling a busy database from one that is gone. Hikari's connection timeout stays
 * short (1.5 s) so that an outage answers 503 within 2 s; when it runs out while every pooled connection is in use
 * and the database still answers a probe, the database is only busy and the request waits its turn again, up to
 * {@code busyWaitMillis} in all. Without this, 200 clients on a pool of 16 got 503 {@code database_unavailable}
 * from a database that was up (bench/load.sh).
 *
 * <p>The probe is {@code SELECT 1} on a connection of its own, outside the pool (a full pool must not hide a live
 * database), with three-second limits (a loaded machine is slow, not down), at most once per
 * {@link #PROBE_EVERY_MILLIS} for every waiting request. An outage with connections lost is told by the pool
 * alone, within the connection timeout; the probe only decides for a pool that is full. Embedded H2 is never gone.
 */
final class PatientDataSource extends DelegatingDataSource {
    static final long PROBE_EVERY_MILLIS = 500;
    private static final int PROBE_LIMIT_SECONDS = 3;
    private static final Logger LOG = LoggerFactory.getLogger(PatientDataSource.class);

    private final HikariDataSource pool;
    private final long busyWaitMillis;
    private final boolean embedded;
    private Connection probe;
    private long probedAt;
    private boolean alive = true;

    PatientDataSource(HikariDataSource pool, long busyWaitMillis) {
        super(pool);
        this.pool = pool;
        this.busyWaitMillis = busyWaitMillis;
        this.embedded = pool.getJdbcUrl() == null || pool.getJdbcUrl().startsWith("jdbc:h2:");
    }

    @Override
    public Connection getConnection() throws SQLException {
        long deadline = System.currentTimeMillis() + busyWaitMillis;
        while (true) {
            try {
                return pool.getConnection();
            } catch (SQLTransientConnectionException timedOut) {
                if (!busy() || System.currentTimeMillis() > deadline || !alive()) {
                    throw timedOut;
                }
            }
        }
    }

    /**
     * The pool holds all the connections it may have, so none is missing for want of a database: waiting for one
     * is a queue, not a sign of an outage. (Counting the connections in use instead misses the instant when one is
     * handed from a request to the next, and 200 waiting requests hit that instant all the time.)
     */
    private boolean busy() {
        HikariPoolMXBean stats = pool.getHikariPoolMXBean();
        return stats != null && stats.getTotalConnections() >= pool.getMaximumPoolSize();
    }

    /** Whether the database answered the latest probe (one probe at a time, reused for half a second). */
    synchronized boolean alive() {
        if (embedded) {
            return true;
        }
        long now = System.currentTimeMillis();
        if (now - probedAt < PROBE_EVERY_MILLIS) {
            return alive;
        }
        try {
            if (probe == null || probe.isClosed()) {
                probe = DriverManager.getConnection(pool.getJdbcUrl(), probeProperties());
            }
            try (Statement s = probe.createStatement()) {
                s.setQueryTimeout(PROBE_LIMIT_SECONDS);
                s.execute("SELECT 1");
            }
            alive = true;
        } catch (SQLException e) {
            alive = false;
            closeProbe();
            LOG.warn("The database did not answer a probe while every pooled connection was in use: {}",
                    e.getMessage());
        }
        probedAt = System.currentTimeMillis();
        return alive;
    }

    private Properties probeProperties() {
        Properties p = new Properties();
        p.putAll(pool.getDataSourceProperties());
        if (pool.getUsername() != null) {
            p.setProperty("user", pool.getUsername());
        }
        if (pool.getPassword() != null) {
            p.setProperty("password", pool.getPassword());
        }
        // PostgreSQL driver limits, in seconds
        String limit = String.valueOf(PROBE_LIMIT_SECONDS);
        p.setProperty("connectTimeout", limit);
        p.setProperty("socketTimeout", limit);
        p.setProperty("loginTimeout", limit);
        return p;
    }

    private void closeProbe() {
        try {
            if (probe != null) {
                probe.close();
            }
        } catch (SQLException ignored) {
            // a broken probe connection is dropped either way
        }
        probe = null;
    }
}
