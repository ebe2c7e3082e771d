package org.wufei.gis.security.audit;

import java.time.Instant;

/**
 * One recorded write: who (user name or token, roles, client address), when, which request, what was asked
 * (method, path, answer status) and what it did (object, before → after summary).
 */
record AuditEvent(Long id, Instant at, String actor, String roles, String clientIp, String requestId, String method,
        String path, int status, String object, String summary) {
}
