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
            id, file_name, kind, state, rows_read, created, updated, existing, imported_by, created_at""";

    /** A register import and what became of its rows. */
    record Batch(long id, String fileName, String kind, String state, long rows, long created, long updated,
            long existing, String importedBy, OffsetDateTime createdAt) {
    }

    /** One row of a register import: the site it became (created, updated) or met (existing). */
    record SiteRow(long row, long siteId, String action) {
    }

    private final JdbcClient jdbc;

    RegisterBatches(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Batch> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM register_import WHERE id = ?").param(id)
                .query(RegisterBatches::batch).optional();
    }

    Optional<Batch> findBySha(String sha, String kind) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM register_import WHERE content_sha256 = ? AND kind = ?")
                .params(sha, kind).query(RegisterBatches::batch).optional();
    }

    long insert(String sha, String fileName, String kind, String mappingJson, String actor, Instant now) {
        jdbc.sql("""
                INSERT INTO register_import (content_sha256, file_name, kind, state, rows_read, created, updated,
                    existing, mapping, imported_by, created_at) VALUES (?, ?, ?, 'succeeded', 0, 0, 0, 0, ?, ?, ?)""")
                .params(sha, fileName, kind, mappingJson, actor, now.atOffset(ZoneOffset.UTC)).update();
        return findBySha(sha, kind).orElseThrow().id();
    }

    void site(long importId, long row, long siteId, String action) {
        jdbc.sql("INSERT INTO register_import_site (import_id, row_number, site_id, action) VALUES (?, ?, ?, ?)")
                .params(importId, row, siteId, action).update();
    }

    void totals(long id, long rows, long created, long updated, long existing) {
        jdbc.sql("UPDATE register_import SET rows_read = ?, created = ?, updated = ?, existing = ? WHERE id = ?")
                .params(rows, created, updated, existing, id).update();
    }

    List<SiteRow> sites(long importId) {
        return jdbc.sql("SELECT row_number, site_id, action FROM register_import_site WHERE import_id = ?"
                + " ORDER BY row_number").param(importId)
                .query((rs, n) -> new SiteRow(rs.getLong(1), rs.getLong(2), rs.getString(3))).list();
    }

    void rolledBack(long id, Instant now) {
        jdbc.sql("UPDATE register_import SET state = 'rolled_back', rolled_back_at = ? WHERE id = ?")
                .params(now.atOffset(ZoneOffset.UTC), id).update();
    }

    private static Batch batch(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Batch(rs.getLong("id"), rs.getString("file_name"), rs.getString("kind"), rs.getString("state"),
                rs.getLong("rows_read"), rs.getLong("created"), rs.getLong("updated"), rs.getLong("existing"),
                rs.getString("imported_by"), rs.getObject("created_at", OffsetDateTime.class));
    }
}
