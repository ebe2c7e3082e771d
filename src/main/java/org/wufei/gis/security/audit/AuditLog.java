package org.wufei.gis.security.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.wufei.gis.common.DatabaseKind;

/** The append-only table {@code audit_event}: one row per write, and the filtered pages ADMIN reads. */
@Repository
class AuditLog {
    static final int MAX_TEXT = 4000;

    private final JdbcClient jdbc;
    private final TransactionTemplate unflushed;

    AuditLog(JdbcClient jdbc, DatabaseKind database, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.unflushed = database == DatabaseKind.POSTGIS ? new TransactionTemplate(transactions) : null;
    }

    /**
     * With {@code waitForDisk} false (a request that asked a question and changed nothing) the row is committed
     * without waiting for the write-ahead log to reach the disk (PostgreSQL's {@code synchronous_commit = off}): the
     * answer is not held up by a flush (about 4 ms here, more than a nearest-sites query's own SQL takes at p50); a
     * database crash in the next fraction of a second (three times {@code wal_writer_delay}) can lose such rows.
     */
    void record(AuditEvent e, boolean waitForDisk) {
        if (waitForDisk || unflushed == null) {
            insert(e);
        } else {
            unflushed.executeWithoutResult(status -> {
                jdbc.sql("SET LOCAL synchronous_commit = off").update();
                insert(e);
            });
        }
    }

    private void insert(AuditEvent e) {
        jdbc.sql("""
                INSERT INTO audit_event (at, actor, roles, client_ip, request_id, method, path, status, object, summary)
                VALUES (:at, :actor, :roles, :ip, :request, :method, :path, :status, :object, :summary)""")
                .param("at", utc(e.at()))
                .param("actor", cut(e.actor(), 100))
                .param("roles", cut(e.roles(), 200))
                .param("ip", cut(e.clientIp(), 64))
                .param("request", cut(e.requestId(), 64))
                .param("method", cut(e.method(), 10))
                .param("path", cut(e.path(), 1000))
                .param("status", e.status())
                .param("object", cut(e.object(), 200))
                .param("summary", cut(e.summary(), MAX_TEXT))
                .update();
    }

    /** Filters for a page of events, newest first. */
    record Query(String actor, Instant from, Instant to, String object, String path, int page, int size) {
    }

    record Page(List<AuditEvent> items, long total) {
    }

    Page find(Query q) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (q.actor() != null) {
            where.append(" AND actor = ?");
            args.add(q.actor());
        }
        if (q.from() != null) {
            where.append(" AND at >= ?");
            args.add(utc(q.from()));
        }
        if (q.to() != null) {
            where.append(" AND at < ?");
            args.add(utc(q.to()));
        }
        if (q.object() != null) {
            where.append(" AND object LIKE ? ESCAPE '\\'");
            args.add(likePrefix(q.object()));
        }
        if (q.path() != null) {
            where.append(" AND path LIKE ? ESCAPE '\\'");
            args.add(likePrefix(q.path()));
        }
        long total = jdbc.sql("SELECT count(*) FROM audit_event" + where).params(args).query(Long.class).single();
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(q.size());
        pageArgs.add((long) q.page() * q.size());
        List<AuditEvent> items = jdbc.sql("""
                SELECT id, at, actor, roles, client_ip, request_id, method, path, status, object, summary
                FROM audit_event""" + where + " ORDER BY id DESC LIMIT ? OFFSET ?")
                .params(pageArgs)
                .query((rs, n) -> new AuditEvent(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class).toInstant(),
                        rs.getString("actor"), rs.getString("roles"), rs.getString("client_ip"),
                        rs.getString("request_id"), rs.getString("method"), rs.getString("path"),
                        rs.getInt("status"), rs.getString("object"), rs.getString("summary")))
                .list();
        return new Page(items, total);
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static String likePrefix(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
