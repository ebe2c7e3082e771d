package org.wufei.gis.security.tokens;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The table {@code api_token}: tokens by the SHA-256 of their secret, their scopes, expiry and revocation. */
@Repository
public class ApiTokens {
    private static final String COLUMNS =
            "id, name, collections, upload, created_at, created_by, expires_at, revoked_at, revoked_by";

    private final JdbcClient jdbc;

    ApiTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String hash, String name, List<String> collections, boolean upload, Instant at, String by,
            Instant expires) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO api_token (name, token_hash, collections, upload, created_at, created_by, expires_at)
                VALUES (:name, :hash, :collections, :upload, :at, :by, :expires)""")
                .param("name", name).param("hash", hash).param("collections", String.join(",", collections))
                .param("upload", upload).param("at", utc(at)).param("by", by).param("expires", utc(expires))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public Optional<ApiToken> byHash(String hash) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_token WHERE token_hash = :hash").param("hash", hash)
                .query(ApiTokens::token).optional();
    }

    Optional<ApiToken> byId(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_token WHERE id = :id").param("id", id)
                .query(ApiTokens::token).optional();
    }

    List<ApiToken> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_token ORDER BY id").query(ApiTokens::token).list();
    }

    /** Revokes a token that is not revoked yet; false when there was nothing to revoke. */
    boolean revoke(long id, Instant at, String by) {
        return jdbc.sql("UPDATE api_token SET revoked_at = :at, revoked_by = :by WHERE id = :id AND revoked_at IS NULL")
                .param("at", utc(at)).param("by", by).param("id", id).update() == 1;
    }

    private static ApiToken token(ResultSet rs, int row) throws SQLException {
        OffsetDateTime revoked = rs.getObject("revoked_at", OffsetDateTime.class);
        return new ApiToken(rs.getLong("id"), rs.getString("name"), List.of(rs.getString("collections").split(",")),
                rs.getBoolean("upload"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getString("created_by"), rs.getObject("expires_at", OffsetDateTime.class).toInstant(),
                revoked == null ? null : revoked.toInstant(), rs.getString("revoked_by"));
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
