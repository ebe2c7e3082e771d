package org.wufei.gis.common;

import java.util.Arrays;
import org.springframework.http.HttpStatus;

/**
 * A refusal a person can act on: HTTP status, a stable machine code, the field at fault and the
 * i18n message key (error.{code}) with its arguments; rendered as RFC 9457 problem+json.
 */
public class ApiException extends RuntimeException {
    private final HttpStatus status;
    private final String code;
    private final String field;
    private final transient Object[] args;

    public ApiException(HttpStatus status, String code, String field, Object... args) {
        super(code + (field == null ? "" : " (" + field + ")") + " " + Arrays.toString(args));
        this.status = status;
        this.code = code;
        this.field = field;
        this.args = args;
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

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }

    public Object[] args() {
        return args.clone();
    }
}
