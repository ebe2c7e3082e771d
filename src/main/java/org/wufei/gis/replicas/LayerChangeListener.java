package org.wufei.gis.replicas;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import javax.sql.DataSource;
import org.locationtech.jts.geom.Envelope;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.wufei.gis.catalog.CollectionSource;
import org.wufei.gis.catalog.LayerChanged;
import org.wufei.gis.common.DatabaseKind;
import org.wufei.gis.common.Replica;

/**
 * Hears the layer changes of the other replicas (LISTEN on a connection of its own, outside the pool) and publishes
 * each here as the same {@link LayerChanged} a local write publishes, so tile cache and counts move on alike. A lost
 * connection is opened again with a growing pause; since changes may have passed meanwhile, every layer is then
 * treated as changed everywhere.
 */
@Component
class LayerChangeListener implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(LayerChangeListener.class);
    private static final Envelope WORLD = new Envelope(-180, 180, -90, 90);
    static final String APPLICATION_NAME = "gis-replica-listen";

    private final DataSource dataSource;
    private final ApplicationEventPublisher events;
    private final Replica replica;
    private final List<CollectionSource> layers;
    private final boolean postgres;
    private final Duration wait;
    private volatile Thread thread;
    private volatile Connection connection;
    private volatile boolean listening;

    LayerChangeListener(DataSource dataSource, ApplicationEventPublisher events, Replica replica,
            List<CollectionSource> layers, DatabaseKind kind,
            @Value("${gis.replica.listen-poll-millis:2000}") long pollMillis) {
        this.dataSource = dataSource;
        this.events = events;
        this.replica = replica;
        this.layers = layers;
        this.postgres = kind == DatabaseKind.POSTGIS;
        this.wait = Duration.ofMillis(Math.max(100, pollMillis));
    }

    /** True while the LISTEN connection is open (for health and tests). */
    boolean listening() {
        return listening;
    }

    @Override
    public void start() {
        if (!postgres) {
            return;
        }
        Thread t = new Thread(this::loop, "replica-listen");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    private void loop() {
        long pause = 500;
        boolean first = true;
        while (thread == Thread.currentThread()) {
            try (Connection c = open(); Statement s = c.createStatement()) {
                connection = c;
                s.execute("LISTEN " + LayerChangeMessage.CHANNEL);
                listening = true;
                if (!first) {
                    log.info("Listening for other replicas' changes again; every cached tile and count is dropped");
                    everythingChanged();
                }
                first = false;
                pause = 500;
                receive(c.unwrap(PGConnection.class), s);
            } catch (SQLException | RuntimeException e) {
                if (thread != Thread.currentThread()) {
                    return;
                }
                log.warn("Replica change listener lost its connection ({}); retrying in {} ms", e.toString(), pause);
            } finally {
                listening = false;
                connection = null;
            }
            if (!sleep(pause)) {
                return;
            }
            pause = Math.min(10_000, pause * 2);
        }
    }

    private void receive(PGConnection pg, Statement s) throws SQLException {
        int quiet = 0;
        while (thread == Thread.currentThread()) {
            PGNotification[] received = pg.getNotifications((int) wait.toMillis());
            if (received == null || received.length == 0) {
                if (++quiet * wait.toMillis() >= 10_000) {
                    s.execute("SELECT 1"); // a connection that died silently shows here
                    quiet = 0;
                }
                continue;
            }
            quiet = 0;
            for (PGNotification n : received) {
                LayerChangeMessage.fromJson(n.getParameter())
                        .filter(m -> !m.origin().equals(replica.processId()))
                        .ifPresent(m -> relay(m.change()));
            }
        }
    }

    private void everythingChanged() {
        for (CollectionSource layer : layers) {
            relay(new LayerChanged(layer.id(), WORLD, null));
        }
    }

    private void relay(LayerChanged change) {
        LayerChangeBroadcast.RELAYING.set(true);
        try {
            events.publishEvent(change);
        } finally {
            LayerChangeBroadcast.RELAYING.set(false);
        }
    }

    private Connection open() throws SQLException {
        if (dataSource.isWrapperFor(HikariDataSource.class)) {
            HikariDataSource h = dataSource.unwrap(HikariDataSource.class);
            if (h.getJdbcUrl() != null) {
                Properties p = new Properties();
                if (h.getUsername() != null) {
                    p.setProperty("user", h.getUsername());
                }
                if (h.getPassword() != null) {
                    p.setProperty("password", h.getPassword());
                }
                p.setProperty("ApplicationName", APPLICATION_NAME); // findable in pg_stat_activity
                return DriverManager.getConnection(h.getJdbcUrl(), p);
            }
        }
        return dataSource.getConnection();
    }

    private static boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    @Override
    public void stop() {
        Thread t = thread;
        thread = null;
        if (t != null) {
            t.interrupt();
            Connection c = connection;
            if (c != null) {
                try {
                    c.close();
                } catch (SQLException e) {
                    // closing to wake the thread; it ends either way
                }
            }
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }
}
