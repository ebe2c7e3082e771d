package org.wufei.gis.imports;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.wufei.gis.common.Locales;
import org.wufei.gis.common.Problems;
import org.wufei.gis.imports.read.ImportException;

/**
 * Problem+json for refused uploads: the readers' and CRS errors carry their own zh-CN/English text, shown in the
 * caller's language; a full worker queue is 503 with Retry-After.
 */
@RestControllerAdvice(basePackageClasses = ImportProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ImportProblems {
    private final Problems problems;

    ImportProblems(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(ImportException.class)
    ResponseEntity<ProblemDetail> refused(ImportException e, HttpServletRequest request) {
        Locale locale = Locales.of(request);
        HttpStatus status = HttpStatus.valueOf(e.status());
        ProblemDetail p = problems.of(status, e.code(), e.field(), new Object[0], locale, request.getRequestURI());
        p.setDetail(Locales.ZH.getLanguage().equals(locale.getLanguage()) ? e.messageZh() : e.messageEn());
        return ResponseEntity.status(status).contentType(Problems.PROBLEM_JSON).body(p);
    }

    @ExceptionHandler(ImportService.QueueFullException.class)
    ResponseEntity<ProblemDetail> queueFull(ImportService.QueueFullException e, HttpServletRequest request) {
        ProblemDetail p = problems.of(HttpStatus.SERVICE_UNAVAILABLE, "import_queue_full", null,
                new Object[] {e.retryAfterSeconds()}, Locales.of(request), request.getRequestURI());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(Problems.PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds())).body(p);
    }
}
