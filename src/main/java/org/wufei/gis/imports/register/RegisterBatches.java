package org.wufei.gis.imports.register;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The register_import and register_import_site tables: every statement about register imports in one place. */
@Repository
class RegisterBatches {
    private static final String COLUMNS = """
            id, content_sha256, file_name, kind, state, progress, rows_read, created, updated, existing, imported_by,
            created_at, started_at, finished_at, mapping, statuses, update_existing, crs, encoding, errors,
            error_count""";

    /** A register import: its request (to run it, or run it again), its state and what became of its rows. */
    record Batch(long id, String sha256, String fileName, String kind, String state, double progress, long rows,
            long created, long updated, long existing, String importedBy, OffsetDateTime createdAt,
            OffsetDateTime startedAt, OffsetDateTime finishedAt, String mappingJson, String statusesJson,
            boolean update, String crs, String encoding, String errorsJson, long errorCount) {

        boolean ended() {
            return !state.equals("queued") && !state.equals("running");
        }
    }

    /** One row of a register import: the site it became (created, updated) or met (existing). */
    record SiteRow(long row, long siteId, String action) {
    }

    /** What a run asks for, as stored with the import. */
    record Stored(String mappingJson, String statusesJson, boolean update, String crs, String encoding) {
    }

    private final JdbcClient jdbc;

    RegisterBatches(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Batch> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM register_import WHERE id = ?").param(id)
                .query(RegisterBatches::batch).optional();
    }

    /** The import of this file and kind that is not rolled back, if any. */
    Optional<Batch> findLive(String sha, String kind) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM register_import WHERE live_sha256 = ? AND kind = ?")
                .params(sha, kind).query(RegisterBatches::batch).optional();
    }

    /** A new import in {@code state} (queued, or succeeded for one written in the caller's transaction). */
    long insert(String sha, String fileName, String kind, Stored request, String state, String actor,
            String replica, Instant now) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        jdbc.sql("""
                INSERT INTO register_import (content_sha256, live_sha256, file_name, kind, state, progress, rows_read,
                    created, updated, existing, mapping, statuses, update_existing, crs, encoding, imported_by,
                    claimed_by, created_at, heartbeat_at)
                VALUES (?, ?, ?, ?, ?, 0, 0, 0, 0, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(sha, sha, fileName, kind, state, request.mappingJson(), request.statusesJson(),
                        request.update(), request.crs(), request.encoding(), actor, replica, at, at).update();
        return findLive(sha, kind).orElseThrow().id();
    }

    /** A failed import asked again (a new upload of its file, or a retry): queued with this request. */
    boolean requeue(long id, Stored request, String replica, Instant now) {
        return jdbc.sql("""
                UPDATE register_import SET state = 'queued', progress = 0, rows_read = 0, mapping = ?, statuses = ?,
                    update_existing = ?, crs = ?, encoding = ?, errors = NULL, error_count = 0, claimed_by = ?,
                    heartbeat_at = ?, started_at = NULL, finished_at = NULL WHERE id = ? AND state = 'failed'""")
                .params(request.mappingJson(), request.statusesJson(), request.update(), request.crs(),
                        request.encoding(), replica, now.atOffset(ZoneOffset.UTC), id).update() == 1;
    }

    /** Queued → running on this replica; false when it is no longer queued. */
    boolean start(long id, String replica, Instant now) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        return jdbc.sql("""
                UPDATE register_import SET state = 'running', claimed_by = ?, started_at = ?, heartbeat_at = ?
                WHERE id = ? AND state = 'queued'""").params(replica, at, at, id).update() == 1;
    }

    /** How far a running import is; renews the lease of every import this replica holds. */
    void progress(long id, double progress, long rows, String replica, Instant now) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        jdbc.sql("UPDATE register_import SET progress = ?, rows_read = ? WHERE id = ? AND state = 'running'")
                .params(progress, rows, id).update();
        jdbc.sql("UPDATE register_import SET heartbeat_at = ? WHERE claimed_by = ? AND state IN ('queued', 'running')")
                .params(at, replica).update();
    }

    void succeeded(long id, long rows, long created, long updated, long existing, Instant now) {
        jdbc.sql("""
                UPDATE register_import SET state = 'succeeded', progress = 1, rows_read = ?, created = ?, updated = ?,
                    existing = ?, finished_at = ? WHERE id = ?""")
                .params(rows, created, updated, existing, now.atOffset(ZoneOffset.UTC), id).update();
    }

    void failed(long id, String errorsJson, long count, Instant now) {
        jdbc.sql("""
                UPDATE register_import SET state = 'failed', errors = ?, error_count = ?, finished_at = ?
                WHERE id = ?""").params(errorsJson, count, now.atOffset(ZoneOffset.UTC), id).update();
    }

    /**
     * Fails imports whose runner is gone: this replica's queued or running ones (at its start), and any whose lease
     * ran out; nothing of them was written (one transaction per import).
     */
    int failAbandoned(String replica, Instant staleBefore, String errorsJson, Instant now) {
        return jdbc.sql("""
                UPDATE register_import SET state = 'failed', errors = ?, error_count = 1, finished_at = ?
                WHERE state IN ('queued', 'running') AND (claimed_by = ? OR heartbeat_at < ?)""")
                .params(errorsJson, now.atOffset(ZoneOffset.UTC), replica, staleBefore.atOffset(ZoneOffset.UTC))
                .update();
    }

    void site(long importId, long row, long siteId, String action) {
        jdbc.sql("INSERT INTO register_import_site (import_id, row_number, site_id, action) VALUES (?, ?, ?, ?)")
                .params(importId, row, siteId, action).update();
    }

    List<SiteRow> sites(long importId) {
        return jdbc.sql("SELECT row_number, site_id, action FROM register_import_site WHERE import_id = ?"
                + " ORDER BY row_number").param(importId)
                .query((rs, n) -> new SiteRow(rs.getLong(1), rs.getLong(2), rs.getString(3))).list();
    }

    /** Rolled back: the file is free to be imported again. */
    void rolledBack(long id, Instant now) {
        jdbc.sql("UPDATE register_import SET state = 'rolled_back', live_sha256 = NULL, rolled_back_at = ? WHERE id = ?")
                .params(now.atOffset(ZoneOffset.UTC), id).update();
    }

    private static Batch batch(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Batch(rs.getLong("id"), rs.getString("content_sha256"), rs.getString("file_name"),
                rs.getString("kind"), rs.getString("state"), rs.getDouble("progress"), rs.getLong("rows_read"),
                rs.getLong("created"), rs.getLong("updated"), rs.getLong("existing"), rs.getString("imported_by"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("started_at", OffsetDateTime.class),
                rs.getObject("finished_at", OffsetDateTime.class), rs.getString("mapping"), rs.getString("statuses"),
                rs.getBoolean("update_existing"), rs.getString("crs"), rs.getString("encoding"),
                rs.getString("errors"), rs.getLong("error_count"));
    }
}
