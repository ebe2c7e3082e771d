package org.wufei.gis.common.config;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * At shutdown, after everything else has stopped and before the pool is closed, waits for the pooled connections in
 * use to come back (at most {@link #DRAIN_MILLIS}). Hikari's own shutdown aborts connections that are in use, and an
 * embedded H2 database aborted from another thread in the middle of a write can be left unreadable ("Unable to read
 * the page", a ClassCastException in its spatial index, on every later start): a service stopped while it loaded the
 * demo sites did not start again. Work that watches the context closing (the demo loader) rolls back and returns its
 * connection at once; the rest finishes first.
 */
final class ConnectionDrain implements SmartLifecycle {
    static final long DRAIN_MILLIS = 15_000;
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionDrain.class);

    private final DataSource dataSource;
    private volatile boolean running;

    ConnectionDrain(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        HikariPoolMXBean pool = pool();
        long deadline = System.currentTimeMillis() + DRAIN_MILLIS;
        while (pool != null && pool.getActiveConnections() > 0 && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (pool != null && pool.getActiveConnections() > 0) {
            LOG.warn("{} database connections still in use after {} ms; closing the pool aborts them",
                    pool.getActiveConnections(), DRAIN_MILLIS);
        }
    }

    private HikariPoolMXBean pool() {
        try {
            return dataSource.isWrapperFor(HikariDataSource.class)
                    ? dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean() : null;
        } catch (SQLException e) {
            return null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stopped last: after the web server, the schedulers and the workers that use connections. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE;
    }
}
