package org.wufei.gis.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.wufei.gis.imports.read.TempFiles;

/**
 * The files that came with a batch's features (a KMZ's photos), kept under {@code work-dir/media/{batch}/} by the
 * path the detections' {@code images} attribute names, until the batch is rolled back.
 */
@Component
class BatchMedia {
    private final Path root;

    BatchMedia(ImportsProperties props) {
        this.root = props.workDir().resolve("media");
    }

    void keep(long batchId, Map<String, Path> files) {
        if (files.isEmpty()) {
            return;
        }
        Path dir = dir(batchId);
        try {
            for (Map.Entry<String, Path> f : files.entrySet()) {
                Path target = inside(dir, f.getKey()).orElseThrow();
                Files.createDirectories(target.getParent());
                Files.copy(f.getValue(), target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The kept file of that name, if there is one; a name leading out of the batch's folder finds nothing. */
    Optional<Path> find(long batchId, String name) {
        return inside(dir(batchId), name).filter(Files::isRegularFile);
    }

    void delete(long batchId) {
        TempFiles.deleteTree(dir(batchId));
    }

    private Path dir(long batchId) {
        return root.resolve(Long.toString(batchId)).toAbsolutePath().normalize();
    }

    private static Optional<Path> inside(Path dir, String name) {
        Path p = dir.resolve(name).normalize();
        return p.startsWith(dir) && !p.equals(dir) ? Optional.of(p) : Optional.empty();
    }
}
