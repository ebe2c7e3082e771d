package org.wufei.gis.reference;

import org.wufei.gis.common.Texts;
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

    /** A refused attribute value; the texts are the bundle message {@code key} after the feature and field. */
    static ImportException attribute(long index, String field, String code, String key, Object... args) {
        String zh = Texts.zh(key, args);
        String en = Texts.en(key, args);
        return new ImportException(code, field, Texts.zh("reference.refused.attribute", index, field, zh),
                Texts.en("reference.refused.attribute", index, field, en), index, null);
    }

    static ImportException geometry(long index, String code, String zh, String en) {
        return new ImportException(code, "geometry", Texts.zh("import.at_feature", index, zh),
                Texts.en("import.at_feature", index, en), index, null);
    }

    static ImportException geometryOf(long index, String code, String key, Object... args) {
        return geometry(index, code, Texts.zh(key, args), Texts.en(key, args));
    }

    static ImportException file(String code, String field, String key) {
        return ImportException.keyed(code, field, key);
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
