package org.wufei.gis.imports;

import java.nio.file.Path;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.wufei.gis.common.ApiException;

/** Serves the files a batch brought with its features (a KMZ's photos), by the path the detection names. */
@RestController
class BatchMediaController {
    private final BatchMedia media;

    BatchMediaController(BatchMedia media) {
        this.media = media;
    }

    @GetMapping("/api/imports/{id}/media/{*name}")
    ResponseEntity<FileSystemResource> file(@PathVariable long id, @PathVariable String name) {
        String relative = name.startsWith("/") ? name.substring(1) : name;
        Path file = media.find(id, relative).orElseThrow(() -> ApiException.notFound("media", relative));
        MediaType type = MediaTypeFactory.getMediaType(file.getFileName().toString())
                .orElse(MediaType.APPLICATION_OCTET_STREAM);
        return ResponseEntity.ok().contentType(type).body(new FileSystemResource(file));
    }
}
