package org.wufei.gis.reference;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.wufei.gis.common.Actor;
import org.wufei.gis.common.ApiException;
import org.wufei.gis.common.CurrentActor;
import org.wufei.gis.common.Role;

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

    ReferenceUploadController(UploadedLayerReader reader, ReferenceLayerWriter writer,
            ReferenceLayerVersions versions) {
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
    synchronized ResponseEntity<Map<String, Object>> replace(@PathVariable String collectionId,
            @RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String source,
            @RequestParam(required = false) String date, @RequestParam(required = false) String licence,
            @RequestParam(required = false) String crs, @RequestParam(required = false) String layer,
            HttpServletRequest request) {
        Actor actor = CurrentActor.of(request);
        if (!actor.roles().contains(Role.ADMIN)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "role_forbidden", null);
        }
        ReferenceLayerSpec spec = spec(collectionId, true);
        if (file == null || file.isEmpty() && file.getOriginalFilename() == null) {
            throw ApiException.badRequest("parameter_missing", "file", "file");
        }
        String src = text(source, "source", 255, true);
        ReferenceLayerWriter.Provenance provenance = new ReferenceLayerWriter.Provenance(src, date(date),
                text(licence, "licence", 500, false), text(file.getOriginalFilename(), "file", 255, false),
                actor.username());
        Path tmp = null;
        try {
            tmp = Files.createTempFile("reference-", "-" + safeName(file.getOriginalFilename()));
            file.transferTo(tmp);
            UploadedLayerReader.Read read = reader.read(spec, tmp, crs, layer);
            int version = writer.replace(spec, read, provenance);
            log.info("Reference layer {} replaced by {}: version {}, {} features from {}", spec.collectionId(),
                    actor.username(), version, read.rows().size(), provenance.fileName());
            Map<String, Object> body = versions.of(spec, 1).get(0);
            return ResponseEntity.created(URI.create(request.getRequestURI())).body(body);
        } catch (DuplicateKeyException e) {
            throw new ApiException(HttpStatus.CONFLICT, "layer_replaced_concurrently", null, collectionId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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

    /** The upload's extension is what the readers' format detection may look at; the rest of the name is dropped. */
    private static String safeName(String name) {
        if (name == null) {
            return "upload";
        }
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot).replaceAll("[^A-Za-z0-9.]", "");
        return "upload" + ext;
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
