package org.wufei.gis.imports;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;
import org.wufei.gis.common.Actor;
import org.wufei.gis.common.ApiException;
import org.wufei.gis.common.CurrentActor;
import org.wufei.gis.common.Locales;
import org.wufei.gis.common.http.Preferences;
import org.wufei.gis.detections.DetectionViews;
import org.wufei.gis.detections.Detections;
import org.wufei.gis.common.multipart.MultipartUpload;

/** Upload, follow, list, retry and roll back import batches; read a batch's detections. */
@RestController
@RequestMapping("/api/imports")
public class ImportController {
    private static final int MAX_LIMIT = 1000;

    private final ImportService service;
    private final ImportBatches batches;
    private final Detections detections;
    private final BatchCompletions completions;
    private final int maxWaitSeconds;

    ImportController(ImportService service, ImportBatches batches, Detections detections,
            BatchCompletions completions, ImportsProperties props) {
        this.service = service;
        this.batches = batches;
        this.detections = detections;
        this.completions = completions;
        this.maxWaitSeconds = props.maxWaitSeconds();
    }

    /**
     * The body is read here as a stream (the container's multipart parsing is off: common.multipart), so the
     * caller's role is checked before a byte of it is read, and the file is hashed while it is written.
     */
    @PostMapping(consumes = "multipart/form-data")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = "multipart/form-data", schema = @Schema(implementation = UploadForm.class)))
    ResponseEntity<ImportViews.BatchView> upload(HttpServletRequest request) throws IOException {
        Actor actor = CurrentActor.of(request);
        ImportService.requireImporter(actor);
        MultipartUpload upload = service.receive(request.getInputStream(), request.getContentType(),
                request.getContentLengthLong());
        try {
            if (!upload.otherFileParts().isEmpty()) {
                String part = upload.otherFileParts().keySet().iterator().next();
                throw ApiException.badRequest("parameter_unknown", part, part);
            }
            Map<String, String> form = new LinkedHashMap<>();
            request.getParameterMap().forEach((k, v) -> form.put(k, v.length == 0 ? null : v[0]));
            upload.fields().forEach(form::putIfAbsent);
            ImportRequest params = ImportParams.parse(form, upload.fileName());
            return located(service.submit(upload, params, actor), request);
        } finally {
            service.release(upload);
        }
    }

    @PostMapping("/{id}/retry")
    ResponseEntity<ImportViews.BatchView> retry(@PathVariable long id, HttpServletRequest request) {
        return located(service.retry(id, CurrentActor.of(request)), request);
    }

    @GetMapping("/{id}")
    ImportViews.BatchView get(@PathVariable long id, HttpServletRequest request) {
        return ImportViews.of(batches.find(id).orElseThrow(() -> ApiException.notFound("import", id)),
                Locales.of(request));
    }

    /**
     * RFC 7240 {@code Prefer: wait=N}: a queued or running batch is answered when it ends, or after N seconds (at
     * most {@code gis.imports.max-wait-seconds}), whichever comes first; the request is held without a thread. The
     * answer says {@code Preference-Applied: wait=N} (N as capped) whenever the preference was understood. A mapping
     * of its own, so that a request without {@code Prefer} stays synchronous.
     */
    @GetMapping(path = "/{id}", headers = Preferences.PREFER)
    DeferredResult<ResponseEntity<ImportViews.BatchView>> getWhenEnded(@PathVariable long id,
            @Parameter(description = "RFC 7240, e.g. `wait=30`: a queued or running batch is answered when it ends or "
                    + "after that many seconds (at most gis.imports.max-wait-seconds); answered with "
                    + "Preference-Applied: wait=N")
            @RequestHeader(name = Preferences.PREFER, required = false) String prefer, HttpServletRequest request) {
        Locale locale = Locales.of(request);
        var batch = batches.find(id).orElseThrow(() -> ApiException.notFound("import", id));
        OptionalInt wait = Preferences.waitSeconds(prefer, maxWaitSeconds);
        int seconds = wait.orElse(0);
        if (seconds == 0 || finished(batch.state())) {
            var now = new DeferredResult<ResponseEntity<ImportViews.BatchView>>();
            now.setResult(wait.isEmpty() ? ResponseEntity.ok(ImportViews.of(batch, locale))
                    : waited(batch, locale, seconds));
            return now;
        }
        var result = new DeferredResult<ResponseEntity<ImportViews.BatchView>>(seconds * 1000L);
        Runnable answer = () -> answer(result, id, locale, seconds);
        BatchCompletions.Registration waiting = completions.register(id, answer);
        result.onCompletion(waiting::close); // also when the client went away
        result.onTimeout(() -> {
            waiting.close();
            answer.run();
        });
        // registered first, read again: a batch that ended since the first read is not waited for
        if (batches.find(id).map(b -> finished(b.state())).orElse(true)) {
            answer.run();
        }
        return result;
    }

    /** Answers a held request with the batch as it is now. */
    private void answer(DeferredResult<ResponseEntity<ImportViews.BatchView>> result, long id, Locale locale,
            int seconds) {
        try {
            var batch = batches.find(id).orElseThrow(() -> ApiException.notFound("import", id));
            result.setResult(waited(batch, locale, seconds));
        } catch (RuntimeException e) {
            result.setErrorResult(e);
        }
    }

    private static ResponseEntity<ImportViews.BatchView> waited(ImportBatches.BatchRow batch, Locale locale,
            int seconds) {
        return ResponseEntity.ok().header(Preferences.PREFERENCE_APPLIED, Preferences.WAIT + "=" + seconds)
                .body(ImportViews.of(batch, locale));
    }

    private static boolean finished(String state) {
        return state.equals("succeeded") || state.equals("failed");
    }

    @GetMapping
    ImportViews.BatchPage list(@RequestParam Map<String, String> params, HttpServletRequest request) {
        checkKnown(params, Set.of("offset", "limit", "lang"));
        int offset = number(params, "offset", 0, Integer.MAX_VALUE, 0);
        int limit = number(params, "limit", 1, MAX_LIMIT, 50);
        var items = batches.page(offset, limit).stream().map(b -> ImportViews.of(b, Locales.of(request))).toList();
        return new ImportViews.BatchPage(items, batches.count(), offset, limit);
    }

    @GetMapping(path = "/{id}/detections", produces = "application/geo+json")
    DetectionViews.FeatureCollection detections(@PathVariable long id, @RequestParam Map<String, String> params) {
        checkKnown(params, Set.of("offset", "limit", "triage", "lang"));
        batches.find(id).orElseThrow(() -> ApiException.notFound("import", id));
        String triage = params.get("triage");
        if (triage != null && !Set.of("new", "known", "changed").contains(triage)) {
            throw ApiException.badRequest("parameter_invalid", "triage", "triage");
        }
        int offset = number(params, "offset", 0, Integer.MAX_VALUE, 0);
        int limit = number(params, "limit", 1, MAX_LIMIT, 100);
        var features = detections.ofBatch(id, triage, offset, limit).stream().map(DetectionViews::of).toList();
        return new DetectionViews.FeatureCollection("FeatureCollection", features, detections.countOfBatch(id),
                features.size());
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> rollback(@PathVariable long id, HttpServletRequest request) {
        service.rollback(id, CurrentActor.of(request));
        return ResponseEntity.noContent().build();
    }

    private ResponseEntity<ImportViews.BatchView> located(ImportService.Submitted s, HttpServletRequest request) {
        var batch = batches.find(s.batchId()).orElseThrow(() -> ApiException.notFound("import", s.batchId()));
        HttpStatus status = s.created() || !finished(batch.state()) ? HttpStatus.ACCEPTED : HttpStatus.OK;
        return ResponseEntity.status(status).header(HttpHeaders.LOCATION, "/api/imports/" + s.batchId())
                .body(ImportViews.of(batch, Locales.of(request)));
    }

    static void checkKnown(Map<String, String> params, Set<String> known) {
        for (String name : params.keySet()) {
            if (!known.contains(name)) {
                throw ApiException.badRequest("parameter_unknown", name, name);
            }
        }
    }

    static int number(Map<String, String> params, String name, int min, int max, int dflt) {
        String v = params.get(name);
        if (v == null) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badRequest("parameter_invalid", name, name);
    }
}
