package org.wufei.gis.security.tokens;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.wufei.gis.common.ApiException;
import org.wufei.gis.common.CurrentActor;
import org.wufei.gis.security.audit.AuditNote;

/**
 * {@code /api/tokens} (ADMIN): issue a department's token (its secret is answered once and never stored), list
 * tokens, revoke one. Every issue and revocation is in the audit trail.
 */
@RestController
class TokenController {
    static final int MAX_VALID_DAYS = 730;
    private static final Pattern COLLECTION = Pattern.compile("[a-z][a-z0-9_]{0,63}|\\*");

    private final ApiTokens tokens;
    private final Clock clock;

    TokenController(ApiTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** What ADMIN asks for: a department name, the collections it may read, upload or not, days of validity. */
    record Issue(String name, List<String> collections, Boolean upload, Integer validDays) {
    }

    /** The one answer that carries the secret. */
    record Issued(long id, String token, String name, List<String> collections, boolean upload, Instant expiresAt) {
    }

    @PostMapping("/api/tokens")
    ResponseEntity<Issued> issue(@RequestBody(required = false) Issue body, HttpServletRequest request) {
        if (body == null) {
            throw ApiException.badRequest("json_malformed", null);
        }
        String name = body.name() == null ? "" : body.name().strip();
        if (name.isEmpty() || name.length() > 100) {
            throw ApiException.unprocessable("token_name_invalid", "name");
        }
        List<String> collections = body.collections() == null ? List.of()
                : body.collections().stream().map(String::strip).distinct().toList();
        if (collections.isEmpty() || collections.stream().anyMatch(c -> !COLLECTION.matcher(c).matches())) {
            throw ApiException.unprocessable("token_collections_invalid", "collections", collections);
        }
        int days = body.validDays() == null ? 90 : body.validDays();
        if (days < 1 || days > MAX_VALID_DAYS) {
            throw ApiException.unprocessable("token_valid_days_invalid", "validDays", MAX_VALID_DAYS);
        }
        boolean upload = Boolean.TRUE.equals(body.upload());
        String secret = TokenSecrets.newSecret();
        Instant now = clock.instant();
        Instant expires = now.plus(Duration.ofDays(days));
        long id = tokens.insert(TokenSecrets.hash(secret), name, collections, upload, now,
                CurrentActor.of(request).username(), expires);
        AuditNote.add("token:" + id, "issued to " + name + ": collections " + collections + (upload ? ", upload" : "")
                + ", expires " + expires);
        return ResponseEntity.status(HttpStatus.CREATED).header("Location", "/api/tokens/" + id)
                .header("Cache-Control", "no-store")
                .body(new Issued(id, secret, name, collections, upload, expires));
    }

    @GetMapping("/api/tokens")
    List<ApiToken> list() {
        return tokens.all();
    }

    @DeleteMapping("/api/tokens/{id}")
    ResponseEntity<Void> revoke(@PathVariable long id, HttpServletRequest request) {
        ApiToken token = tokens.byId(id).orElseThrow(() -> ApiException.notFound("token", id));
        if (tokens.revoke(id, clock.instant(), CurrentActor.of(request).username())) {
            AuditNote.add("token:" + id, "revoked (" + token.name() + ")");
        }
        return ResponseEntity.noContent().build();
    }
}
