package org.wufei.gis.security.tokens;

import java.time.Instant;
import java.util.List;

/**
 * A department's access token as stored (never its secret): which collections it may read ({@code *} for all),
 * whether it may upload, when it expires and whether it was revoked.
 */
public record ApiToken(long id, String name, List<String> collections, boolean upload, Instant createdAt,
        String createdBy, Instant expiresAt, Instant revokedAt, String revokedBy) {
    public static final String ALL = "*";

    public ApiToken {
        collections = List.copyOf(collections);
    }

    public boolean usableAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    public boolean mayRead(String collectionId) {
        return collections.contains(ALL) || collections.contains(collectionId);
    }
}
