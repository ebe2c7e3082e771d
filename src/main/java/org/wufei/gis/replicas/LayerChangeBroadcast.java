package org.wufei.gis.replicas;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.wufei.gis.catalog.LayerChanged;
import org.wufei.gis.common.DatabaseKind;
import org.wufei.gis.common.Replica;

/**
 * Tells the other replicas of every layer change. Inside a writing transaction the NOTIFY is sent just before it
 * commits, on its connection, so PostgreSQL delivers it exactly when that transaction commits and never when it
 * rolls back: another replica evicts after the new data is visible, and a replica that dies after committing has
 * sent it all the same. A change published after the commit (an after-commit listener's) or outside any transaction
 * is sent at once on a connection of its own.
 */
@Component
class LayerChangeBroadcast {
    private static final Logger log = LoggerFactory.getLogger(LayerChangeBroadcast.class);
    /** Set while a change received from another replica is published here: it must not go round again. */
    static final ThreadLocal<Boolean> RELAYING = ThreadLocal.withInitial(() -> false);

    private final DataSource dataSource;
    private final Replica replica;
    private final boolean postgres;

    LayerChangeBroadcast(DataSource dataSource, Replica replica, DatabaseKind kind) {
        this.dataSource = dataSource;
        this.replica = replica;
        this.postgres = kind == DatabaseKind.POSTGIS;
    }

    @EventListener
    void on(LayerChanged change) {
        if (!postgres || RELAYING.get()) {
            return;
        }
        String payload = new LayerChangeMessage(replica.processId(), change).toJson();
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            notifyNow(payload);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            private boolean sent;

            @Override
            public void beforeCommit(boolean readOnly) {
                Connection c = DataSourceUtils.getConnection(dataSource);
                try {
                    send(c, payload);
                    sent = true;
                } finally {
                    DataSourceUtils.releaseConnection(c, dataSource);
                }
            }

            @Override
            public void afterCompletion(int status) {
                // registered after the commit already ran (by an after-commit listener): send it now
                if (status == STATUS_COMMITTED && !sent) {
                    notifyNow(payload);
                }
            }
        });
    }

    /** On a pooled connection of its own (auto-commit), not on one a finished transaction may still hold. */
    private void notifyNow(String payload) {
        try (Connection c = dataSource.getConnection()) {
            send(c, payload);
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } catch (SQLException e) {
            // the change is committed; the other replicas keep a stale tile until their next reconnect or change
            log.warn("Could not tell the other replicas of a change: {}", e.toString());
        }
    }

    private static void send(Connection c, String payload) {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, ?)")) {
            ps.setString(1, LayerChangeMessage.CHANNEL);
            ps.setString(2, payload);
            ps.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("NOTIFY " + LayerChangeMessage.CHANNEL + " failed", e);
        }
    }
}
