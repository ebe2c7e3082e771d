package org.wufei.gis.imports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.wufei.gis.detections.ImportedBatches;

/** The import_batch table: every statement about batches in one place, values always bound. */
@Repository
class ImportBatches implements ImportedBatches {
    private static final String COLUMNS = """
            id, content_sha256, file_name, format, source, requested_crs, encoding, layer, crs_used, crs_detected_by,
            acquired, state, progress, total, accepted, rejected, repaired, merged, triage_new, triage_known,
            triage_changed, triage_duplicate, errors, error_counts, warnings, strict, uploaded_by, created_at, started_at, finished_at""";

    private final JdbcClient jdbc;

    ImportBatches(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(ImportRequest r, String sha256, String format, String user, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO import_batch (content_sha256, file_name, format, source, requested_crs, encoding, layer,
                    acquired, state, strict, uploaded_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?, ?)""")
                .params(sha256, r.fileName(), format, r.source(), r.crs(), r.encoding(), r.layer(), r.acquired(),
                        r.strict(), user, utc(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    @Override
    public Optional<String> fileName(long batchId) {
        return find(batchId).map(BatchRow::fileName);
    }

    Optional<BatchRow> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM import_batch WHERE id = ?").param(id)
                .query(ImportBatches::row).optional();
    }

    Optional<BatchRow> findBySha(String sha256) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM import_batch WHERE content_sha256 = ?").param(sha256)
                .query(ImportBatches::row).optional();
    }

    List<BatchRow> page(int offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM import_batch ORDER BY id DESC LIMIT ? OFFSET ?")
                .params(limit, offset).query(ImportBatches::row).list();
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM import_batch").query(Long.class).single();
    }

    /** Puts a failed batch back in the queue with the request it is retried with. */
    void requeue(long id, ImportRequest r, String format) {
        jdbc.sql("""
                UPDATE import_batch SET state = 'queued', progress = 0, total = NULL, accepted = 0, rejected = 0,
                    repaired = 0, merged = 0, triage_new = 0, triage_known = 0, triage_changed = 0, triage_duplicate = 0,
                    errors = NULL,
                    error_counts = NULL, warnings = NULL, started_at = NULL, finished_at = NULL, format = ?,
                    source = ?, requested_crs = ?, encoding = ?, layer = ?, acquired = ?, strict = ?
                WHERE id = ? AND state = 'failed'""")
                .params(format, r.source(), r.crs(), r.encoding(), r.layer(), r.acquired(), r.strict(), id).update();
    }

    /**
     * Claims a queued batch for this replica: exactly one of the replicas (or worker threads) asking wins; a row
     * another transaction is claiming is skipped, not waited for.
     */
    boolean claim(long id, String replica, Instant now) {
        return jdbc.sql("""
                UPDATE import_batch SET state = 'running', claimed_by = ?, heartbeat_at = ?, started_at = ?,
                    progress = 0
                WHERE id = (SELECT id FROM import_batch WHERE id = ? AND state = 'queued' FOR UPDATE SKIP LOCKED)""")
                .params(replica, utc(now), utc(now), id).update() == 1;
    }

    /**
     * The oldest queued batches no other transaction is claiming right now, locked until the caller's transaction
     * ends (call inside one, and {@link #claim} the one to run).
     */
    List<Queued> lockQueued(int limit) {
        return jdbc.sql("""
                SELECT id, content_sha256, file_name, encoding, layer FROM import_batch WHERE state = 'queued'
                ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED""").param(limit)
                .query((rs, n) -> new Queued(rs.getLong("id"), rs.getString("content_sha256"),
                        rs.getString("file_name"), rs.getString("encoding"), rs.getString("layer"))).list();
    }

    /** A queued batch as a worker needs it. */
    record Queued(long id, String sha256, String fileName, String encoding, String layer) {
    }

    /** Gives a claimed batch back to the queue (this replica could not start it after all). */
    void unclaim(long id, String replica) {
        jdbc.sql("""
                UPDATE import_batch SET state = 'queued', claimed_by = NULL, heartbeat_at = NULL, started_at = NULL
                WHERE id = ? AND state = 'running' AND claimed_by = ?""").params(id, replica).update();
    }

    void total(long id, Long total) {
        jdbc.sql("UPDATE import_batch SET total = ? WHERE id = ? AND state = 'running'").params(total, id).update();
    }

    /** The running batches of this replica are alive: their lease moves on. */
    int heartbeat(String replica, Instant now) {
        return jdbc.sql("UPDATE import_batch SET heartbeat_at = ? WHERE state = 'running' AND claimed_by = ?")
                .params(utc(now), replica).update();
    }

    /**
     * Fails running batches whose runner is gone: those of another replica whose lease ran out and, with
     * {@code restarted}, this replica's own (it just started, so it runs none) and unclaimed ones from before claims.
     */
    int failAbandoned(String replica, boolean restarted, Instant staleBefore, String errorsJson,
            String errorCountsJson, Instant now) {
        return jdbc.sql("""
                UPDATE import_batch SET state = 'failed', accepted = 0, triage_new = 0, triage_known = 0,
                    triage_changed = 0, triage_duplicate = 0, errors = ?, error_counts = ?, finished_at = ?
                WHERE state = 'running' AND (heartbeat_at < ? AND claimed_by <> ?
                    OR ? AND (claimed_by = ? OR claimed_by IS NULL))""")
                .params(errorsJson, errorCountsJson, utc(now), utc(staleBefore), replica, restarted, replica)
                .update();
    }

    void progress(long id, double progress, long accepted, long rejected) {
        jdbc.sql("UPDATE import_batch SET progress = ?, accepted = ?, rejected = ? WHERE id = ? AND state = 'running'")
                .params(progress, accepted, rejected, id).update();
    }

    void finish(long id, BatchOutcome o, Instant now) {
        jdbc.sql("""
                UPDATE import_batch SET state = ?, progress = 1, total = ?, accepted = ?, rejected = ?, repaired = ?,
                    merged = ?, triage_new = ?, triage_known = ?, triage_changed = ?, triage_duplicate = ?, errors = ?,
                    error_counts = ?,
                    warnings = ?, crs_used = ?, crs_detected_by = ?, finished_at = ?
                WHERE id = ?""")
                .params(o.succeeded() ? "succeeded" : "failed", o.total(), o.accepted(), o.rejected(), o.repaired(),
                        o.merged(), o.triageNew(), o.triageKnown(), o.triageChanged(), o.triageDuplicate(), o.errorsJson(),
                        o.errorCountsJson(), o.warningsJson(), o.crsUsed(), o.crsDetectedBy(), utc(now), id)
                .update();
    }

    /** Marks a batch failed with one file-level error, e.g. after a refusal found while running. */
    void fail(long id, String errorsJson, String errorCountsJson, Instant now) {
        jdbc.sql("""
                UPDATE import_batch SET state = 'failed', accepted = 0, triage_new = 0, triage_known = 0,
                    triage_changed = 0, triage_duplicate = 0, errors = ?, error_counts = ?, finished_at = ? WHERE id = ?""")
                .params(errorsJson, errorCountsJson, utc(now), id).update();
    }

    void delete(long id) {
        jdbc.sql("DELETE FROM import_batch WHERE id = ?").param(id).update();
    }

    private static OffsetDateTime utc(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    private static BatchRow row(ResultSet rs, int n) throws SQLException {
        return new BatchRow(rs.getLong("id"), rs.getString("content_sha256"), rs.getString("file_name"),
                rs.getString("format"), rs.getString("source"), rs.getString("requested_crs"),
                rs.getString("crs_used"), rs.getString("crs_detected_by"),
                rs.getObject("acquired", LocalDate.class), rs.getString("state"), rs.getDouble("progress"),
                (Long) rs.getObject("total", Long.class), rs.getLong("accepted"), rs.getLong("rejected"),
                rs.getLong("repaired"), rs.getLong("merged"), rs.getLong("triage_new"), rs.getLong("triage_known"),
                rs.getLong("triage_changed"), rs.getLong("triage_duplicate"), rs.getString("errors"), rs.getString("error_counts"),
                rs.getString("warnings"), rs.getBoolean("strict"), rs.getString("uploaded_by"),
                instant(rs, "created_at"), instant(rs, "started_at"), instant(rs, "finished_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** One batch as stored. */
    record BatchRow(long id, String sha256, String fileName, String format, String source, String requestedCrs,
            String crsUsed, String crsDetectedBy, LocalDate acquired, String state, double progress, Long total,
            long accepted, long rejected, long repaired, long merged, long triageNew, long triageKnown,
            long triageChanged, long triageDuplicate, String errorsJson, String errorCountsJson, String warningsJson, boolean strict,
            String uploadedBy, Instant createdAt, Instant startedAt, Instant finishedAt) {
    }
}
