package org.wufei.gis.imports.register;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.wufei.gis.common.Actor;
import org.wufei.gis.common.ApiException;
import org.wufei.gis.common.CurrentActor;
import org.wufei.gis.common.Locales;
import org.wufei.gis.common.Problems;
import org.wufei.gis.common.http.Preferences;
import org.wufei.gis.common.multipart.MultipartUpload;
import org.wufei.gis.imports.ImportsProperties;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Register imports over HTTP: propose a mapping for a file, run the import with the confirmed mapping (while the
 * caller waits, or queued with {@code Prefer: respond-async} and for large files), read it, retry it, roll it back.
 * ADMIN only (the rows become sites at their recorded statuses).
 */
@RestController
class RegisterImportController {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> TEXT_MAP = new TypeReference<>() {
    };

    /** One refused row as the caller reads it. */
    record RowErrorView(Long row, String column, String field, String code, String message) {
    }

    /** A register import, how far it is, what its rows became, and why it failed. */
    record ImportView(long id, String fileName, String kind, String state, double progress, long rows, long created,
            long updated, long existing, String importedBy, OffsetDateTime createdAt, OffsetDateTime startedAt,
            OffsetDateTime finishedAt, long errorCount, List<RowErrorView> errors,
            List<RegisterBatches.SiteRow> sites) {
    }

    private static final String RESPOND_ASYNC = "respond-async";
    private static final String RESPOND_SYNC = "respond-sync";

    private final RegisterImportService service;
    private final RegisterBatches batches;
    private final Problems problems;
    private final Path workDir;
    private final MultipartUpload.Limits limits;
    private final RegisterImportJob job;
    private final long asyncAboveBytes;

    RegisterImportController(RegisterImportService service, RegisterBatches batches, Problems problems,
            ImportsProperties props, MultipartUpload.Limits limits, RegisterImportJob job,
            @Value("${gis.imports.register-async-above-bytes:2097152}") long asyncAboveBytes) {
        this.limits = limits;
        this.job = job;
        this.asyncAboveBytes = asyncAboveBytes;
        this.service = service;
        this.batches = batches;
        this.problems = problems;
        this.workDir = props.workDir().resolve("register");
    }

    /** Form: {@code file}, {@code kind}, optional {@code encoding}. */
    @PostMapping(path = "/api/imports/register/proposal", consumes = "multipart/form-data")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = "multipart/form-data", schema = @Schema(implementation = ProposalForm.class)))
    RegisterImportService.Proposal propose(HttpServletRequest request) throws IOException {
        RegisterImportService.requireAdmin(CurrentActor.of(request));
        MultipartUpload upload = MultipartUpload.read(request, limits, "file", workDir);
        try {
            return service.propose(upload.file(), required(upload, "kind"), upload.fields().get("encoding"));
        } finally {
            upload.delete();
        }
    }

    /** Form: {@code file}, {@code kind}, {@code mapping} (JSON), optional {@code statuses}, {@code update}, {@code crs}, {@code encoding}. */
    @PostMapping(path = "/api/imports/register", consumes = "multipart/form-data")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = "multipart/form-data", schema = @Schema(implementation = RunForm.class)))
    ResponseEntity<ImportView> run(HttpServletRequest request) throws IOException {
        Actor actor = CurrentActor.of(request);
        RegisterImportService.requireAdmin(actor);
        Map<String, String> preferences = Preferences.parse(request.getHeader(Preferences.PREFER));
        MultipartUpload upload = MultipartUpload.read(request, limits, "file", workDir);
        try {
            Map<String, String> f = upload.fields();
            var req = new RegisterRequest(required(upload, "kind"),
                    textMap(required(upload, "mapping"), "mapping"), textMap(f.get("statuses"), "statuses"),
                    "true".equalsIgnoreCase(f.get("update")), f.get("crs"), f.get("encoding"));
            boolean async = preferences.containsKey(RESPOND_ASYNC)
                    || upload.size() > asyncAboveBytes && !preferences.containsKey(RESPOND_SYNC);
            if (async) {
                job.requireRoom();
            }
            var done = service.submit(upload.file(), upload.sha256(),
                    upload.fileName() == null ? "register" : upload.fileName(), req, actor, async);
            if (done.answer() == RegisterImportService.Answer.QUEUED) {
                job.enqueue(done.batch().id());
            }
            var answer = ResponseEntity.status(switch (done.answer()) {
                case CREATED -> HttpStatus.CREATED;
                case DONE_BEFORE -> HttpStatus.OK;
                default -> HttpStatus.ACCEPTED;
            }).header("Location", "/api/imports/register/" + done.batch().id());
            if (preferences.containsKey(RESPOND_ASYNC)) {
                answer.header(Preferences.PREFERENCE_APPLIED, RESPOND_ASYNC);
            }
            return answer.body(view(done.batch(), Locales.of(request)));
        } finally {
            upload.delete();
        }
    }

    /** Runs a failed import again from its kept file, with the request it was made with. */
    @PostMapping("/api/imports/register/{id}/retry")
    ResponseEntity<ImportView> retry(@PathVariable long id, HttpServletRequest request) {
        RegisterImportService.requireAdmin(CurrentActor.of(request));
        job.requireRoom();
        service.retry(id);
        job.enqueue(id);
        return ResponseEntity.accepted().header("Location", "/api/imports/register/" + id)
                .body(view(batches.find(id).orElseThrow(), Locales.of(request)));
    }

    record ProposalForm(@Schema(type = "string", format = "binary") String file,
            @Schema(description = "the kind the rows become, e.g. waste_heap") String kind, String encoding) {
    }

    record RunForm(@Schema(type = "string", format = "binary") String file, String kind,
            @Schema(description = "JSON: file column → attribute") String mapping,
            @Schema(description = "JSON: file value → lifecycle status") String statuses,
            @Schema(description = "true: update sites that already exist") Boolean update, String crs,
            String encoding) {
    }

    private static String required(MultipartUpload upload, String name) {
        String value = upload.fields().get(name);
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("parameter_missing", name, name);
        }
        return value;
    }

    @GetMapping("/api/imports/register/{id}")
    ImportView get(@PathVariable long id, HttpServletRequest request) {
        return view(batches.find(id).orElseThrow(() -> ApiException.notFound("register_import", id)),
                Locales.of(request));
    }

    @DeleteMapping("/api/imports/register/{id}")
    ResponseEntity<Void> rollback(@PathVariable long id, HttpServletRequest request) {
        service.rollback(id, CurrentActor.of(request));
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(RegisterImportService.Refused.class)
    ResponseEntity<ProblemDetail> refused(RegisterImportService.Refused e, HttpServletRequest request) {
        Locale locale = Locales.of(request);
        boolean zh = Locales.ZH.getLanguage().equals(locale.getLanguage());
        ProblemDetail p = problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "register_import_refused", null,
                new Object[] {e.errors.size()}, locale, request.getRequestURI());
        p.setProperty("errors", e.errors.stream().map(x -> new RowErrorView(x.row(), x.column(), x.field(), x.code(),
                x.zh() != null ? (zh ? x.zh() : x.en())
                        : problems.message("error." + x.code(), x.args(), locale, x.code()))).toList());
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).contentType(Problems.PROBLEM_JSON).body(p);
    }

    @ExceptionHandler(RegisterImportJob.QueueFull.class)
    ResponseEntity<ProblemDetail> queueFull(RegisterImportJob.QueueFull e, HttpServletRequest request) {
        ProblemDetail p = problems.of(HttpStatus.SERVICE_UNAVAILABLE, "import_queue_full", null,
                new Object[] {e.retryAfterSeconds}, Locales.of(request), request.getRequestURI());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(Problems.PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds)).body(p);
    }

    private ImportView view(RegisterBatches.Batch b, Locale locale) {
        boolean zh = Locales.ZH.getLanguage().equals(locale.getLanguage());
        List<RowErrorView> errors = new ArrayList<>();
        if (b.errorsJson() != null) {
            for (JsonNode e : JSON.readTree(b.errorsJson())) {
                errors.add(new RowErrorView(e.path("row").isNumber() ? e.path("row").asLong() : null,
                        text(e.path("column")), text(e.path("field")), e.path("code").asString(),
                        e.path(zh ? "zh" : "en").asString()));
            }
        }
        return new ImportView(b.id(), b.fileName(), b.kind(), b.state(), b.progress(), b.rows(), b.created(),
                b.updated(), b.existing(), b.importedBy(), b.createdAt(), b.startedAt(), b.finishedAt(),
                b.errorCount(), errors, batches.sites(b.id()));
    }

    private static String text(JsonNode n) {
        return n.isString() ? n.asString() : null;
    }

    private static Map<String, String> textMap(String json, String field) {
        if (json == null || json.isBlank()) {
            return new LinkedHashMap<>();
        }
        try {
            return new LinkedHashMap<>(JSON.readValue(json, TEXT_MAP));
        } catch (JacksonException e) {
            throw ApiException.badRequest("parameter_invalid", field, field);
        }
    }
}
