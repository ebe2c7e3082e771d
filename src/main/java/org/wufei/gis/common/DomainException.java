package org.wufei.gis.common;

import java.util.Arrays;

/**
 * A refusal in the domain's terms: what kind of refusal it is, a stable machine code, the field at fault and the
 * i18n message key (error.{code}) with its arguments. The model throws these and knows no HTTP; the edge
 * ({@link Problems}) maps the kind to a status and renders RFC 9457 problem+json.
 */
public class DomainException extends RuntimeException {

    /** What went wrong, as the domain sees it; {@link Problems#status} gives each its HTTP status. */
    public enum Kind {
        /** The input cannot be read at all (400). */
        MALFORMED,
        /** Readable input that a rule refuses (422). */
        INVALID,
        NOT_FOUND,
        /** The thing existed and was deleted (410). */
        GONE,
        /** The caller's role may not do this (403). */
        FORBIDDEN,
        /** Clashes with data already there, e.g. a code taken (409). */
        CONFLICT,
        /** The caller saw an older version (412). */
        STALE,
        /** A change must name the version it was based on (428). */
        VERSION_REQUIRED,
        /** The collection or resource takes no changes (405). */
        READ_ONLY
    }

    private final Kind kind;
    private final String code;
    private final String field;
    private final transient Object[] args;

    public DomainException(Kind kind, String code, String field, Object... args) {
        super(code + (field == null ? "" : " (" + field + ")") + " " + Arrays.toString(args));
        this.kind = kind;
        this.code = code;
        this.field = field;
        this.args = args;
    }

    public static DomainException malformed(String code, String field, Object... args) {
        return new DomainException(Kind.MALFORMED, code, field, args);
    }

    public static DomainException invalid(String code, String field, Object... args) {
        return new DomainException(Kind.INVALID, code, field, args);
    }

    public static DomainException notFound(String what, Object id) {
        return new DomainException(Kind.NOT_FOUND, what + "_not_found", null, id);
    }

    public static DomainException gone(String code, String field, Object... args) {
        return new DomainException(Kind.GONE, code, field, args);
    }

    public static DomainException forbidden(String code, String field, Object... args) {
        return new DomainException(Kind.FORBIDDEN, code, field, args);
    }

    public static DomainException conflict(String code, String field, Object... args) {
        return new DomainException(Kind.CONFLICT, code, field, args);
    }

    public static DomainException stale(String code, String field, Object... args) {
        return new DomainException(Kind.STALE, code, field, args);
    }

    /** The domain kind; null for an {@link ApiException}, whose HTTP status the edge chose itself. */
    public Kind kind() {
        return kind;
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
