package org.wufei.gis.security.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.wufei.gis.common.Actor;
import org.wufei.gis.common.CurrentActor;
import org.wufei.gis.common.http.QueryRequests;

/**
 * Records every write that got past sign-in (any method but GET, HEAD, OPTIONS and TRACE), whatever its outcome,
 * and every read whose handler added an {@link AuditNote} (an export of non-public data): actor, roles, client
 * address, request id, method, path, status, and what the domain said it did. Runs inside Spring Security's chain, so the caller is known; requests refused there (401, or
 * 403 by role) never reach a handler and are not writes.
 */
final class AuditFilter extends OncePerRequestFilter {
    private static final Logger LOG = LoggerFactory.getLogger(AuditFilter.class);
    private static final Pattern CREATED_SITE = Pattern.compile("/(?:api/sites|items)/(\\d+)$");
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final AuditLog log;
    private final Clock clock;

    AuditFilter(AuditLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean failed = true;
        try {
            chain.doFilter(request, response);
            failed = false;
            if (QueryRequests.marked(request)) {
                // a question's answer goes out before its audit row is written (three round trips to the database
                // the client need not wait for); a write's answer still waits, so its row is there once it is seen
                response.flushBuffer();
            }
        } finally {
            // a read is recorded only when its handler asked for it (an export of non-public data)
            if (!READS.contains(request.getMethod()) || AuditNote.any(request)) {
                record(request, response, failed ? 500 : response.getStatus());
            }
        }
    }

    /** {@code site:N} for a new site's Location (the API's or OGC Part 4's). */
    private static String created(String location) {
        Matcher m = location == null ? null : CREATED_SITE.matcher(location);
        return m != null && m.find() ? "site:" + m.group(1) : location;
    }

    private void record(HttpServletRequest request, HttpServletResponse response, int status) {
        Actor actor = CurrentActor.of(request);
        List<AuditNote> notes = AuditNote.notes(request);
        String first = notes.isEmpty() ? null : notes.get(0).object();
        if (first == null && !notes.isEmpty()) {
            first = created(response.getHeader("Location"));
        }
        String object = first == null ? null : first + (notes.size() > 1 ? " (+" + (notes.size() - 1) + ")" : "");
        String summary = notes.isEmpty() ? null
                : notes.stream().map(AuditNote::summary).collect(Collectors.joining("; "));
        String roles = actor.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        String path = request.getRequestURI().substring(request.getContextPath().length());
        try {
            log.record(new AuditEvent(null, clock.instant(), actor.username(), roles, actor.clientIp(),
                    RequestIds.of(request), request.getMethod(), path, status, object, summary),
                    !QueryRequests.marked(request));
        } catch (RuntimeException e) {
            // the write itself has happened; losing its audit row must at least be loud
            LOG.error("Audit row lost for {} {} by {} (request {})", request.getMethod(), path, actor.username(),
                    RequestIds.of(request), e);
        }
    }
}
