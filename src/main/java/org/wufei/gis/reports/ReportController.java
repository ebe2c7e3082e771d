package org.wufei.gis.reports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.wufei.gis.common.ApiException;
import org.wufei.gis.common.Labels;
import org.wufei.gis.common.Locales;
import org.wufei.gis.common.Problems;
import org.wufei.gis.common.multipart.MultipartForm;
import org.wufei.gis.common.multipart.UploadProperties;

/**
 * Public reports over HTTP: the anonymous form's endpoint, the public status under a tracking code, and the photo
 * for staff. The client address is used for the rate limit only, in memory.
 */
@RestController
class ReportController {
    private static final Set<String> FIELDS = Set.of("lon", "lat", "description", "phone", "lang");

    private final ReportService service;
    private final ReportRateLimit limit;
    private final ReportsProperties props;
    private final Problems problems;
    private final Labels labels;
    private final String clientHeader;
    private final UploadProperties uploads;

    /** The form of {@code POST /api/reports}, for the OpenAPI document. */
    record ReportForm(@Schema(description = "longitude, WGS 84") Double lon,
            @Schema(description = "latitude, WGS 84") Double lat, String description,
            @Schema(description = "optional, for a call back; never shown") String phone, String lang,
            @Schema(type = "string", format = "binary", description = "optional photo (JPEG/PNG)") String photo) {
    }

    ReportController(ReportService service, ReportsProperties props, Problems problems, Labels labels, Clock clock,
            UploadProperties uploads) {
        this.uploads = uploads;
        this.service = service;
        this.props = props;
        this.problems = problems;
        this.labels = labels;
        this.clientHeader = props.clientHeader();
        this.limit = new ReportRateLimit(props.perClient(), Duration.ofMinutes(props.windowMinutes()), clock);
    }

    @Operation(summary = "Report a suspected dump (举报): multipart lon, lat, description, optional phone and photo; "
            + "201 with the tracking code; anonymous, rate-limited per client")
    @PostMapping(path = "/api/reports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, schema = @Schema(implementation = ReportForm.class)))
    ResponseEntity<?> report(HttpServletRequest request) throws IOException {
        if (!props.enabled()) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "reports_disabled", null);
        }
        var wait = limit.tryAcquire(client(request));
        if (wait.isPresent()) {
            long seconds = Math.max(1, wait.get().toSeconds());
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).contentType(Problems.PROBLEM_JSON)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds))
                    .body(problems.of(HttpStatus.TOO_MANY_REQUESTS, "report_rate_limited", null,
                            new Object[] {seconds / 60 + 1}, Locales.of(request), request.getRequestURI()));
        }
        MultipartForm form = MultipartForm.read(request.getInputStream(), request.getContentType(),
                request.getContentLengthLong(), new MultipartForm.Limits(props.maxPhotoBytes(),
                        uploads.maxRequestSize().toBytes(), 1,
                        name -> new ApiException(HttpStatus.CONTENT_TOO_LARGE, "photo_too_large", "photo", "photo",
                                props.maxPhotoBytes() / (1024 * 1024)),
                        () -> ApiException.badRequest("parameter_unknown", "photo", "photo")));
        for (String name : form.fields().keySet()) {
            if (!FIELDS.contains(name)) {
                throw ApiException.badRequest("parameter_unknown", name, name);
            }
        }
        for (MultipartForm.FilePart part : form.files()) {
            if (!"photo".equals(part.field())) {
                throw ApiException.badRequest("parameter_unknown", part.field(), part.field());
            }
        }
        var photo = form.files("photo").stream().findFirst();
        Map<String, String> fields = form.fields();
        var submission = new ReportService.Submission(number(fields, "lon"), number(fields, "lat"),
                fields.get("description"), fields.get("phone"),
                photo.map(p -> p.fileName() == null ? "photo" : p.fileName()).orElse(null),
                photo.map(MultipartForm.FilePart::bytes).orElse(null));
        String code = service.submit(submission);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("trackingCode", code);
        body.put("status", ReportService.PublicStatus.RECEIVED);
        body.put("statusUrl", "/api/reports/" + code);
        return ResponseEntity.status(HttpStatus.CREATED).header(HttpHeaders.LOCATION, "/api/reports/" + code)
                .cacheControl(CacheControl.noStore()).body(body);
    }

    @Operation(summary = "What became of a report: received, confirmed (with the site's status) or closed; public")
    @GetMapping("/api/reports/{code}")
    ResponseEntity<Map<String, Object>> status(@PathVariable String code) {
        var status = service.status(code).orElseThrow(() -> ApiException.notFound("report", code));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("trackingCode", status.trackingCode());
        body.put("receivedOn", status.receivedOn().toString());
        body.put("status", status.status());
        body.put("statusLabel", labels.of(status.status(), "report.status." + status.status()));
        body.put("siteStatus", status.siteStatus());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }

    @Operation(summary = "The report's photo (re-encoded, no metadata); staff only")
    @GetMapping(path = "/api/reports/{code}/photo", produces = MediaType.IMAGE_JPEG_VALUE)
    ResponseEntity<byte[]> photo(@PathVariable String code) {
        byte[] jpeg = service.photo(code).orElseThrow(() -> ApiException.notFound("report_photo", code));
        return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG).cacheControl(CacheControl.noStore()).body(jpeg);
    }

    /**
     * The client as the rate limit sees it: the connection's address, or behind a proxy the last address of the
     * configured header (the one the proxy appended; what the client itself sent comes before it).
     */
    private String client(HttpServletRequest request) {
        if (!clientHeader.isBlank()) {
            String value = request.getHeader(clientHeader);
            if (value != null && !value.isBlank()) {
                String[] hops = value.split(",");
                return hops[hops.length - 1].strip();
            }
        }
        return request.getRemoteAddr();
    }

    private static Double number(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("parameter_invalid", name, name);
        }
    }
}
