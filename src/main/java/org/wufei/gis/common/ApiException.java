package org.wufei.gis.common;

import org.springframework.http.HttpStatus;

/**
 * A refusal made at the HTTP edge (request parsing, uploads, OGC parameters), with its HTTP status chosen there;
 * the model throws {@link DomainException} instead. Rendered as RFC 9457 problem+json like any refusal.
 */
public class ApiException extends DomainException {
    private final HttpStatus status;

    public ApiException(HttpStatus status, String code, String field, Object... args) {
        super(null, code, field, args);
        this.status = status;
    }

    public static ApiException notFound(String what, Object id) {
        return new ApiException(HttpStatus.NOT_FOUND, what + "_not_found", null, id);
    }

    public static ApiException badRequest(String code, String field, Object... args) {
        return new ApiException(HttpStatus.BAD_REQUEST, code, field, args);
    }

    public static ApiException unprocessable(String code, String field, Object... args) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, code, field, args);
    }

    public HttpStatus status() {
        return status;
    }
}
