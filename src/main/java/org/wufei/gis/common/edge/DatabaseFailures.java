package org.wufei.gis.common.edge;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Tells a database outage and a statement cut off by its time limit from other failures, through any wrapping. */
public final class DatabaseFailures {
    /** What a failure says about the database. */
    public enum Kind { UNAVAILABLE, TIMEOUT, OTHER }

    /** PostgreSQL's query_canceled (statement_timeout) and H2's "statement was canceled or timed out". */
    private static final java.util.Set<String> CANCELED = java.util.Set.of("57014", "HY008");

    private DatabaseFailures() {
    }

    public static Kind classify(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof QueryTimeoutException || t instanceof SQLTimeoutException
                    || t instanceof SQLException s && s.getSQLState() != null && CANCELED.contains(s.getSQLState())) {
                return Kind.TIMEOUT;
            }
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof ConnectException || t instanceof CannotCreateTransactionException
                    || t instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("08")
                    || t instanceof SQLException c && String.valueOf(c.getMessage()).contains("onnection is closed")) {
                return Kind.UNAVAILABLE;
            }
        }
        return e instanceof DataAccessResourceFailureException ? Kind.UNAVAILABLE : Kind.OTHER;
    }
}
