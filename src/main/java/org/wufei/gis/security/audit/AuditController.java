package org.wufei.gis.security.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wufei.gis.common.ApiException;

/**
 * {@code GET /api/audit} (ADMIN): the audit trail newest first, filtered by actor, period ({@code from}
 * inclusive, {@code to} exclusive; an instant or a date in the district's time), object or path prefix.
 */
@RestController
class AuditController {
    private static final Set<String> PARAMS = Set.of("actor", "from", "to", "object", "path", "page", "size");
    private static final ZoneId DISTRICT_TIME = ZoneId.of("Asia/Shanghai");
    private static final int MAX_SIZE = 1000;

    private final AuditLog log;

    AuditController(AuditLog log) {
        this.log = log;
    }

    record AuditPage(List<AuditEvent> items, int page, int size, long total) {
    }

    @GetMapping("/api/audit")
    AuditPage audit(@RequestParam Map<String, String> params) {
        for (String name : params.keySet()) {
            if (!PARAMS.contains(name)) {
                throw ApiException.badRequest("parameter_unknown", name, name);
            }
        }
        int page = number(params.get("page"), "page", 0, Integer.MAX_VALUE / MAX_SIZE);
        int size = number(params.get("size"), "size", 100, MAX_SIZE);
        if (params.containsKey("size") && size < 1) {
            throw ApiException.badRequest("parameter_invalid", "size", params.get("size"));
        }
        AuditLog.Query query = new AuditLog.Query(blankToNull(params.get("actor")), instant(params.get("from"), "from"),
                instant(params.get("to"), "to"), blankToNull(params.get("object")), blankToNull(params.get("path")),
                page, size);
        AuditLog.Page result = log.find(query);
        return new AuditPage(result.items(), page, size, result.total());
    }

    private static int number(String value, String name, int fallback, int max) {
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n < 0 || n > max) {
                throw ApiException.badRequest("parameter_invalid", name, name);
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("parameter_invalid", name, name);
        }
    }

    private static Instant instant(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(DISTRICT_TIME).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("parameter_invalid", name, name);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
