package org.wufei.gis.reference;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.wufei.gis.common.Locales;
import org.wufei.gis.common.Problems;
import org.wufei.gis.imports.read.ImportException;

/**
 * Refusals of a reference layer upload, in the readers' error model (stable code, zh-CN and English text, the
 * feature at fault), and their problem+json in the caller's language.
 */
@RestControllerAdvice(basePackageClasses = ReferenceRefusals.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ReferenceRefusals {
    private final Problems problems;

    ReferenceRefusals(Problems problems) {
        this.problems = problems;
    }

    static ImportException attribute(long index, String field, String code, String zh, String en) {
        return new ImportException(code, field, "第 " + index + " 个要素，属性 " + field + "：" + zh,
                "feature " + index + ", attribute " + field + ": " + en, index, null);
    }

    static ImportException geometry(long index, String code, String zh, String en) {
        return new ImportException(code, "geometry", "第 " + index + " 个要素：" + zh, "feature " + index + ": " + en,
                index, null);
    }

    static ImportException file(String code, String field, String zh, String en) {
        return new ImportException(code, field, zh, en);
    }

    @ExceptionHandler(ImportException.class)
    ResponseEntity<ProblemDetail> refused(ImportException e, HttpServletRequest request) {
        Locale locale = Locales.of(request);
        HttpStatus status = HttpStatus.valueOf(e.status());
        ProblemDetail p = problems.of(status, e.code(), e.field(), new Object[0], locale, request.getRequestURI());
        p.setDetail(Locales.ZH.getLanguage().equals(locale.getLanguage()) ? e.messageZh() : e.messageEn());
        e.featureIndex().ifPresent(i -> p.setProperty("feature", i));
        return ResponseEntity.status(status).contentType(Problems.PROBLEM_JSON).body(p);
    }
}
