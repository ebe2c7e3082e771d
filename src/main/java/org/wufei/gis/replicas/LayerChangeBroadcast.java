package org.wufei.gis.replicas;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.wufei.gis.catalog.LayerChanged;
import org.wufei.gis.common.DatabaseKind;
import org.wufei.gis.common.Replica;

/**
 * Tells the other replicas of every layer change. The NOTIFY is sent in the writing transaction, so PostgreSQL
 * delivers it exactly when that transaction commits and never when it rolls back: another replica evicts after the
 * new data is visible, and a replica that dies after committing has sent it all the same.
 */
@Component
class LayerChangeBroadcast {
    /** Set while a change received from another replica is published here: it must not go round again. */
    static final ThreadLocal<Boolean> RELAYING = ThreadLocal.withInitial(() -> false);

    private final JdbcClient jdbc;
    private final Replica replica;
    private final boolean postgres;

    LayerChangeBroadcast(JdbcClient jdbc, Replica replica, DatabaseKind kind) {
        this.jdbc = jdbc;
        this.replica = replica;
        this.postgres = kind == DatabaseKind.POSTGIS;
    }

    @EventListener
    void on(LayerChanged change) {
        if (!postgres || RELAYING.get()) {
            return;
        }
        String payload = new LayerChangeMessage(replica.processId(), change).toJson();
        jdbc.sql("SELECT pg_notify(?, ?)").params(LayerChangeMessage.CHANNEL, payload).query((rs, n) -> 1).list();
    }
}
