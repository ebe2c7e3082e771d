package org.wufei.gis.inspections;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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
import org.wufei.gis.common.CurrentActor;
import org.wufei.gis.common.PublicProjection;
import org.wufei.gis.common.multipart.MultipartForm;
import org.wufei.gis.common.multipart.UploadProperties;
import org.wufei.gis.sites.SiteRegister;

/**
 * Field inspections of a site: {@code POST /api/sites/{id}/inspections} (multipart: part {@code inspection}
 * JSON, parts {@code photos}), their list, and the stored photos with thumbnails.
 */
@RestController
class InspectionController {
    private final InspectionService service;
    private final Inspections inspections;
    private final PhotoChecker checker;
    private final PhotoStore store;
    private final InspectionProperties limits;
    private final SiteRegister register;
    private final PublicProjection projection;
    private final UploadProperties uploads;

    InspectionController(InspectionService service, Inspections inspections, PhotoChecker checker, PhotoStore store,
            InspectionProperties limits, SiteRegister register, PublicProjection projection,
            UploadProperties uploads) {
        this.uploads = uploads;
        this.projection = projection;
        this.service = service;
        this.inspections = inspections;
        this.checker = checker;
        this.store = store;
        this.limits = limits;
        this.register = register;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record InspectionView(String id, long siteId, String inspector, String note,
            @JsonRawValue String checklist, Double lat, Double lon, Double accuracyM, Double distanceM,
            Instant observedAt, Instant createdAt, String requestedStatus, String transitionResult,
            List<PhotoView> photos) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PhotoView(int seq, String url, String thumbnailUrl, int width, int height, Double exifLat,
            Double exifLon, Instant exifTime) {
    }

    /**
     * The body is read here as a stream ({@link MultipartForm}): the caller's role is checked before a byte of it is
     * read, a photo over its limit is refused without being buffered, and one photo too many as soon as it arrives.
     */
    @PostMapping(value = "/api/sites/{id}/inspections", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, schema = @Schema(implementation = InspectionUpload.class)))
    ResponseEntity<InspectionView> create(@PathVariable long id, HttpServletRequest request) throws IOException {
        var actor = CurrentActor.of(request);
        if (!actor.hasAnyRole(InspectionService.MAY_INSPECT)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "role_forbidden", null);
        }
        MultipartForm body = MultipartForm.read(request.getInputStream(), request.getContentType(),
                request.getContentLengthLong(), new MultipartForm.Limits(limits.maxPhotoBytes(),
                        uploads.maxRequestSize().toBytes(), limits.maxPhotos(),
                        name -> new ApiException(HttpStatus.CONTENT_TOO_LARGE, "photo_too_large", "photos", name,
                                limits.maxPhotoBytes() / (1024 * 1024)),
                        () -> ApiException.unprocessable("photos_too_many", "photos", limits.maxPhotos())));
        InspectionForm form = InspectionForm.parse(body.fields().get("inspection"));
        List<CheckedPhoto> checked = new ArrayList<>();
        for (MultipartForm.FilePart f : body.files("photos")) {
            checked.add(checker.check(f.fileName() == null ? "photo" : f.fileName(), f.bytes()));
        }
        var outcome = service.record(id, form, checked, actor);
        var view = view(outcome.inspection(), inspections.photos(List.of(outcome.inspection().id())));
        return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .header(HttpHeaders.LOCATION, "/api/sites/" + id + "/inspections/" + form.id())
                .body(view);
    }

    /** The form of {@code POST /api/sites/{id}/inspections}, for the OpenAPI document. */
    record InspectionUpload(
            @Schema(description = "the inspection as JSON (id, observedAt, lat, lon, accuracyM, note, checklist, "
                    + "requestedStatus …)") String inspection,
            @ArraySchema(schema = @Schema(type = "string", format = "binary")) List<String> photos) {
    }

    /** Anonymous readers see only the photos of kinds whose photos are public, and nothing else of an inspection. */
    @GetMapping("/api/sites/{id}/inspections")
    List<InspectionView> list(@PathVariable long id) {
        var site = register.get(id);
        boolean anonymous = CurrentActor.anonymous();
        if (anonymous && !projection.photos(site.getKind())) {
            return List.of();
        }
        var rows = inspections.ofSite(id);
        Map<String, List<Inspections.PhotoRow>> photos = inspections
                .photos(rows.stream().map(Inspections.Row::id).toList()).stream()
                .collect(Collectors.groupingBy(Inspections.PhotoRow::inspectionId));
        return rows.stream().map(r -> view(r, photos.getOrDefault(r.id(), List.of())))
                .map(v -> anonymous ? forPublic(v) : v).toList();
    }

    @GetMapping("/api/sites/{id}/inspections/{inspection}")
    InspectionView one(@PathVariable long id, @PathVariable String inspection) {
        var row = inspections.find(inspection).filter(r -> r.siteId() == id)
                .filter(r -> !CurrentActor.anonymous() || photosPublic(r))
                .orElseThrow(() -> ApiException.notFound("inspection", inspection));
        InspectionView view = view(row, inspections.photos(List.of(row.id())));
        return CurrentActor.anonymous() ? forPublic(view) : view;
    }

    @GetMapping("/api/inspections/{inspection}/photos/{seq}")
    ResponseEntity<byte[]> photo(@PathVariable String inspection, @PathVariable int seq) {
        return image(inspection, seq, false);
    }

    @GetMapping("/api/inspections/{inspection}/photos/{seq}/thumbnail")
    ResponseEntity<byte[]> thumbnail(@PathVariable String inspection, @PathVariable int seq) {
        return image(inspection, seq, true);
    }

    private ResponseEntity<byte[]> image(String inspection, int seq, boolean thumbnail) {
        if (CurrentActor.anonymous() && !inspections.find(inspection).map(this::photosPublic).orElse(false)) {
            throw ApiException.notFound("photo", inspection + "/" + seq);
        }
        var photo = inspections.photo(inspection, seq)
                .orElseThrow(() -> ApiException.notFound("photo", inspection + "/" + seq));
        return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG)
                .cacheControl(CacheControl.maxAge(Duration.ofDays(30)).cachePrivate())
                .header("X-Content-Type-Options", "nosniff")
                .body(store.read(photo.storedPath(), thumbnail));
    }

    private boolean photosPublic(Inspections.Row row) {
        return projection.photos(register.get(row.siteId()).getKind());
    }

    /** Photos (stored re-encoded, without metadata) and the date: not who, where from, or what they noted. */
    private static InspectionView forPublic(InspectionView v) {
        var photos = v.photos().stream().map(p -> new PhotoView(p.seq(), p.url(), p.thumbnailUrl(), p.width(),
                p.height(), null, null, null)).toList();
        return new InspectionView(v.id(), v.siteId(), null, null, null, null, null, null, null, v.observedAt(),
                v.createdAt(), null, null, photos);
    }

    private static InspectionView view(Inspections.Row r, List<Inspections.PhotoRow> photos) {
        var photoViews = photos.stream().map(p -> new PhotoView(p.seq(),
                "/api/inspections/" + r.id() + "/photos/" + p.seq(),
                "/api/inspections/" + r.id() + "/photos/" + p.seq() + "/thumbnail", p.width(), p.height(),
                p.exifLat(), p.exifLon(), p.exifTime())).toList();
        return new InspectionView(r.id(), r.siteId(), r.inspector(), r.note(), r.checklist(), r.lat(), r.lon(),
                r.accuracyM(), r.distanceM(), r.observedAt(), r.createdAt(), r.requestedStatus(),
                r.transitionResult(), photoViews);
    }
}
