package org.wufei.gis.imports.register;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.wufei.gis.common.Actor;
import org.wufei.gis.common.ApiException;
import org.wufei.gis.common.CurrentActor;
import org.wufei.gis.common.Locales;
import org.wufei.gis.common.Problems;
import org.wufei.gis.imports.ImportsProperties;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Register imports over HTTP: propose a mapping for a file, run the import with the confirmed mapping, read it,
 * roll it back. ADMIN only (the rows become sites at their recorded statuses).
 */
@RestController
class RegisterImportController {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> TEXT_MAP = new TypeReference<>() {
    };

    /** One refused row as the caller reads it. */
    record RowErrorView(Long row, String column, String field, String code, String message) {
    }

    /** A register import and its rows. */
    record ImportView(long id, String fileName, String kind, String state, long rows, long created, long updated,
            long existing, String importedBy, List<RegisterBatches.SiteRow> sites) {
    }

    private final RegisterImportService service;
    private final RegisterBatches batches;
    private final Problems problems;
    private final Path workDir;

    RegisterImportController(RegisterImportService service, RegisterBatches batches, Problems problems,
            ImportsProperties props) {
        this.service = service;
        this.batches = batches;
        this.problems = problems;
        this.workDir = props.workDir().resolve("register");
    }

    @PostMapping(path = "/api/imports/register/proposal", consumes = "multipart/form-data")
    RegisterImportService.Proposal propose(@RequestParam MultipartFile file, @RequestParam String kind,
            @RequestParam(required = false) String encoding, HttpServletRequest request) throws IOException {
        RegisterImportService.requireAdmin(CurrentActor.of(request));
        Received r = receive(file);
        try {
            return service.propose(r.path(), kind, encoding);
        } finally {
            Files.deleteIfExists(r.path());
        }
    }

    @PostMapping(path = "/api/imports/register", consumes = "multipart/form-data")
    ResponseEntity<ImportView> run(@RequestParam MultipartFile file, @RequestParam String kind,
            @RequestParam String mapping, @RequestParam(required = false) String statuses,
            @RequestParam(required = false) String update, @RequestParam(required = false) String crs,
            @RequestParam(required = false) String encoding, HttpServletRequest request) throws IOException {
        Actor actor = CurrentActor.of(request);
        RegisterImportService.requireAdmin(actor);
        var req = new RegisterImportService.Request(kind, textMap(mapping, "mapping"), textMap(statuses, "statuses"),
                "true".equalsIgnoreCase(update), crs, encoding);
        Received r = receive(file);
        try {
            var done = service.run(r.path(), r.sha(), file.getOriginalFilename() == null ? "register"
                    : file.getOriginalFilename(), req, actor);
            return ResponseEntity.status(done.getValue() ? HttpStatus.CREATED : HttpStatus.OK)
                    .header("Location", "/api/imports/register/" + done.getKey().id()).body(view(done.getKey()));
        } finally {
            Files.deleteIfExists(r.path());
        }
    }

    @GetMapping("/api/imports/register/{id}")
    ImportView get(@PathVariable long id) {
        return view(batches.find(id).orElseThrow(() -> ApiException.notFound("register_import", id)));
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

    private ImportView view(RegisterBatches.Batch b) {
        return new ImportView(b.id(), b.fileName(), b.kind(), b.state(), b.rows(), b.created(), b.updated(),
                b.existing(), b.importedBy(), batches.sites(b.id()));
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

    private record Received(Path path, String sha) {
    }

    /** The uploaded file under the work directory, hashed on the way. */
    private Received receive(MultipartFile file) throws IOException {
        if (file.isEmpty()) {
            throw ApiException.badRequest("parameter_missing", "file", "file");
        }
        Files.createDirectories(workDir);
        Path target = workDir.resolve(UUID.randomUUID() + ".upload");
        try (InputStream in = new DigestInputStream(file.getInputStream(), sha256())) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return new Received(target, HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest()));
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
