package org.wufei.gis.reference;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.wufei.gis.common.Actor;
import org.wufei.gis.common.ApiException;
import org.wufei.gis.common.CurrentActor;
import org.wufei.gis.common.Role;
import org.wufei.gis.common.multipart.MultipartUpload;
import org.wufei.gis.common.multipart.UploadProperties;

/**
 * ADMIN replaces a reference layer (rivers, villages, sensitive areas, roads) by uploading a file: read and checked
 * whole, then swapped in one transaction as the layer's next version; anyone who may read sees the versions.
 */
@RestController
@RequestMapping("/api/reference-layers")
class ReferenceUploadController {
    private static final Logger log = LoggerFactory.getLogger(ReferenceUploadController.class);

    private final UploadedLayerReader reader;
    private final ReferenceLayerWriter writer;
    private final ReferenceLayerVersions versions;
    private final MultipartUpload.Limits limits;
    private final Path workDir;

    /** The form of a replacement, for the OpenAPI document. */
    record LayerForm(@Schema(type = "string", format = "binary") String file,
            @Schema(description = "where the data comes from (required)") String source,
            @Schema(description = "the data's date, YYYY-MM-DD") String date, String licence,
            @Schema(description = "the coordinates' CRS when the file does not say") String crs, String layer) {
    }

    ReferenceUploadController(UploadedLayerReader reader, ReferenceLayerWriter writer,
            ReferenceLayerVersions versions, UploadProperties uploads,
            @Value("${gis.data-dir}") Path dataDir) {
        this.limits = uploads.limits();
        this.workDir = dataDir.resolve("reference-uploads");
        this.reader = reader;
        this.writer = writer;
        this.versions = versions;
    }

    @GetMapping("/{collectionId}/versions")
    List<Map<String, Object>> versions(@PathVariable String collectionId) {
        return versions.of(spec(collectionId, false), Integer.MAX_VALUE);
    }

    /** Form fields: {@code file}, {@code source} (required), {@code date} (YYYY-MM-DD), {@code licence}, {@code crs}, {@code layer}. */
    @PostMapping(value = "/{collectionId}/versions", consumes = "multipart/form-data")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = "multipart/form-data", schema = @Schema(implementation = LayerForm.class)))
    synchronized ResponseEntity<Map<String, Object>> replace(@PathVariable String collectionId,
            HttpServletRequest request) throws IOException {
        Actor actor = CurrentActor.of(request);
        if (!actor.roles().contains(Role.ADMIN)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "role_forbidden", null);
        }
        ReferenceLayerSpec spec = spec(collectionId, true);
        MultipartUpload upload = MultipartUpload.read(request, limits, "file", workDir);
        Map<String, String> form = upload.fields();
        String crs = form.get("crs");
        String layer = form.get("layer");
        Path tmp = upload.file();
        try {
            String src = text(form.get("source"), "source", 255, true);
            ReferenceLayerWriter.Provenance provenance = new ReferenceLayerWriter.Provenance(src,
                    date(form.get("date")), text(form.get("licence"), "licence", 500, false),
                    text(upload.fileName(), "file", 255, false), actor.username());
            UploadedLayerReader.Read read = reader.read(spec, tmp, crs, layer);
            int version = writer.replace(spec, read, provenance);
            log.info("Reference layer {} replaced by {}: version {}, {} features from {}", spec.collectionId(),
                    actor.username(), version, read.rows().size(), provenance.fileName());
            Map<String, Object> body = versions.of(spec, 1).get(0);
            return ResponseEntity.created(URI.create(request.getRequestURI())).body(body);
        } catch (DuplicateKeyException e) {
            throw new ApiException(HttpStatus.CONFLICT, "layer_replaced_concurrently", null, collectionId);
        } finally {
            delete(tmp);
        }
    }

    private static ReferenceLayerSpec spec(String collectionId, boolean forReplacement) {
        ReferenceLayerSpec spec = ReferenceLayerSpec.byCollection(collectionId)
                .orElseThrow(() -> ApiException.notFound("layer", collectionId));
        if (forReplacement && !spec.replaceable()) {
            throw ApiException.unprocessable("layer_not_replaceable", "collectionId", collectionId);
        }
        return spec;
    }

    private static String text(String value, String field, int maxLength, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw ApiException.badRequest("parameter_missing", field, field);
            }
            return null;
        }
        if (value.length() > maxLength) {
            throw ApiException.badRequest("parameter_invalid", field, field);
        }
        return value.strip();
    }

    private static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("date_invalid", "date", value);
        }
    }

    private static void delete(Path tmp) {
        if (tmp != null) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                log.warn("Could not delete {}", tmp, e);
            }
        }
    }
}
