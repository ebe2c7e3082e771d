package org.wufei.gis.security.audit;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * H2's counterpart of PostgreSQL's {@code audit_event_append_only()}: refuses every UPDATE and DELETE of an audit
 * row (named in the H2GIS migration V200, so it must stay public with this name).
 */
public final class AppendOnlyTrigger implements Trigger {
    private String table = "audit_event";

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before,
            int type) {
        this.table = tableName;
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        String op = newRow == null ? "DELETE" : "UPDATE";
        throw new SQLException(table + " is append-only (" + op + " refused)", "42501");
    }
}
