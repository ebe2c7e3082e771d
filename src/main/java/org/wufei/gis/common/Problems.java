package org.wufei.gis.common;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Builds RFC 9457 problem+json bodies from a code, in the caller's language (zh-CN unless asked otherwise). */
@Component
public class Problems {
    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;
    private static final String OGC_PROCESSES = "http://www.opengis.net/def/exceptions/ogcapi-processes-1/1.0/";
    /** Codes whose problem type a standard names (OGC API - Processes - Part 1, /req/core/*-exception/*). */
    private static final java.util.Map<String, String> STANDARD_TYPES = java.util.Map.of(
            "process_not_found", OGC_PROCESSES + "no-such-process",
            "job_not_found", OGC_PROCESSES + "no-such-job",
            "result_not_ready", OGC_PROCESSES + "result-not-ready");

    private final MessageSource messages;
    private final JsonMapper json;

    public Problems(MessageSource messages) {
        this.messages = messages;
        this.json = JsonMapper.builder().build();
    }

    public ProblemDetail of(HttpStatus status, String code, String field, Object[] args, Locale locale, String path) {
        ProblemDetail p = ProblemDetail.forStatus(status);
        p.setType(URI.create(STANDARD_TYPES.getOrDefault(code, "urn:wufei:problem:" + code)));
        p.setTitle(message("error.title." + status.value(), new Object[0], locale, status.getReasonPhrase()));
        p.setDetail(message("error." + code, plain(args), locale, code));
        p.setProperty("code", code);
        if (field != null) {
            p.setProperty("field", field);
        }
        if (path != null) {
            p.setInstance(URI.create(path.replace(" ", "%20")));
        }
        return p;
    }

    public ProblemDetail of(DomainException e, Locale locale, String path) {
        return of(status(e), e.code(), e.field(), e.args(), locale, path);
    }

    /** The one place a domain refusal becomes an HTTP status. */
    public static HttpStatus status(DomainException e) {
        if (e instanceof ApiException api) {
            return api.status();
        }
        return switch (e.kind()) {
            case MALFORMED -> HttpStatus.BAD_REQUEST;
            case INVALID -> HttpStatus.UNPROCESSABLE_CONTENT;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case GONE -> HttpStatus.GONE;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case CONFLICT -> HttpStatus.CONFLICT;
            case STALE -> HttpStatus.PRECONDITION_FAILED;
            case VERSION_REQUIRED -> HttpStatus.PRECONDITION_REQUIRED;
            case READ_ONLY -> HttpStatus.METHOD_NOT_ALLOWED;
        };
    }

    /** Writes a problem straight to the servlet response, for filters that run before Spring MVC. */
    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code)
            throws IOException {
        ProblemDetail p = of(status, code, null, new Object[0], Locales.of(request), request.getRequestURI());
        response.setStatus(status.value());
        response.setContentType(PROBLEM_JSON.toString());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("type", p.getType().toString());
        body.put("title", p.getTitle());
        body.put("status", p.getStatus());
        body.put("detail", p.getDetail());
        body.put("instance", String.valueOf(p.getInstance()));
        if (p.getProperties() != null) {
            body.putAll(p.getProperties());
        }
        response.getWriter().write(json.writeValueAsString(body));
    }

    /** Numbers as the caller wrote them: MessageFormat would print 987654321 as 987,654,321. */
    private static Object[] plain(Object[] args) {
        Object[] out = args == null ? new Object[0] : args.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof Number n) {
                out[i] = n instanceof Double || n instanceof Float ? String.valueOf(n.doubleValue()) : n.toString();
            }
        }
        return out;
    }

    public String message(String key, Object[] args, Locale locale, String fallback) {
        try {
            return messages.getMessage(key, args, locale);
        } catch (NoSuchMessageException e) {
            return fallback;
        }
    }
}
