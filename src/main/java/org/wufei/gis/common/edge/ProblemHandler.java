package org.wufei.gis.common.edge;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.wufei.gis.common.DomainException;
import org.wufei.gis.common.Locales;
import org.wufei.gis.common.Problems;

/** Maps every failure of a request to problem+json with a stable code; never a stack trace. */
@RestControllerAdvice
class ProblemHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final Problems problems;

    ProblemHandler(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> api(DomainException e, HttpServletRequest request) {
        return respond(problems.of(e, Locales.of(request), request.getRequestURI()), request);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> stale(HttpServletRequest request) {
        return respond(HttpStatus.PRECONDITION_FAILED, "version_stale", null, request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        return respond(HttpStatus.BAD_REQUEST, "json_malformed", null, request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return respond(HttpStatus.BAD_REQUEST, "parameter_invalid", e.getName(), request, e.getName());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParam(MissingServletRequestParameterException e, HttpServletRequest request) {
        return respond(HttpStatus.BAD_REQUEST, "parameter_missing", e.getParameterName(), request,
                e.getParameterName());
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException e, HttpServletRequest request) {
        return respond(HttpStatus.BAD_REQUEST, "header_missing", e.getHeaderName(), request, e.getHeaderName());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpServletRequest request) {
        return respond(HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed", null, request, request.getMethod());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpServletRequest request) {
        return respond(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "media_type_unsupported", null, request,
                String.valueOf(request.getContentType()));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(HttpServletRequest request) {
        return respond(HttpStatus.CONTENT_TOO_LARGE, "upload_too_large", "file", request);
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> multipart(HttpServletRequest request) {
        return respond(HttpStatus.BAD_REQUEST, "multipart_malformed", null, request);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(HttpServletRequest request) {
        return respond(HttpStatus.NOT_FOUND, "resource_not_found", null, request, request.getRequestURI());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(HttpServletRequest request) {
        return respond(HttpStatus.FORBIDDEN, "role_forbidden", null, request);
    }

    /**
     * The database cannot be reached (down, or no connection free within the pool's short connection timeout): 503
     * with Retry-After at once, instead of a long wait and a 500; a statement cut off by its time limit: 422.
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, CannotCreateTransactionException.class,
        QueryTimeoutException.class})
    ResponseEntity<ProblemDetail> database(Exception e, HttpServletRequest request) {
        return databaseProblem(e, request).orElseGet(() -> unexpected(e, request));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        Optional<ResponseEntity<ProblemDetail>> database = databaseProblem(e, request);
        if (database.isPresent()) {
            return database.get();
        }
        log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", null, request);
    }

    private Optional<ResponseEntity<ProblemDetail>> databaseProblem(Throwable e, HttpServletRequest request) {
        DatabaseFailures.Kind kind = DatabaseFailures.classify(e);
        if (kind == DatabaseFailures.Kind.UNAVAILABLE) {
            log.warn("Database unavailable on {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
            ResponseEntity<ProblemDetail> r = respond(HttpStatus.SERVICE_UNAVAILABLE, "database_unavailable", null,
                    request);
            return Optional.of(ResponseEntity.status(r.getStatusCode()).headers(r.getHeaders())
                    .header(HttpHeaders.RETRY_AFTER, "5").body(r.getBody()));
        }
        if (kind == DatabaseFailures.Kind.TIMEOUT) {
            log.warn("Statement time limit on {} {}", request.getMethod(), request.getRequestURI());
            return Optional.of(respond(HttpStatus.UNPROCESSABLE_CONTENT, "query_timeout", null, request));
        }
        return Optional.empty();
    }

    private ResponseEntity<ProblemDetail> respond(HttpStatus status, String code, String field,
            HttpServletRequest request, Object... args) {
        return respond(problems.of(status, code, field, args, Locales.of(request), request.getRequestURI()),
                request);
    }

    /**
     * problem+json, unless the client accepts plain JSON but not problem+json: then the same body as
     * application/json (OGC API - Processes declares its exception documents as application/json, and its CITE suite
     * asks for them with {@code Accept: application/json} only).
     */
    private static ResponseEntity<ProblemDetail> respond(ProblemDetail p, HttpServletRequest request) {
        return ResponseEntity.status(p.getStatus()).contentType(mediaType(request.getHeader(HttpHeaders.ACCEPT)))
                .body(p);
    }

    static MediaType mediaType(String accept) {
        if (accept == null || accept.isBlank()) {
            return Problems.PROBLEM_JSON;
        }
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            return Problems.PROBLEM_JSON;
        }
        boolean problem = accepted.stream().anyMatch(m -> m.isWildcardType() || m.isWildcardSubtype()
                || m.equalsTypeAndSubtype(Problems.PROBLEM_JSON));
        boolean json = accepted.stream().anyMatch(m -> m.equalsTypeAndSubtype(MediaType.APPLICATION_JSON));
        return json && !problem ? MediaType.APPLICATION_JSON : Problems.PROBLEM_JSON;
    }
}
