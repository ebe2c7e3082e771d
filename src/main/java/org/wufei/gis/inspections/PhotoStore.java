package org.wufei.gis.inspections;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Inspection photos on disk under {@code gis.data-dir}/inspections/{inspection id}/; names are made here from
 * a checked UUID and a sequence number, never from what the client sent.
 */
@Component
class PhotoStore {
    private final Path root;

    PhotoStore(@Value("${gis.data-dir}") String dataDir) {
        this.root = Path.of(dataDir).resolve("inspections").toAbsolutePath().normalize();
    }

    String save(String inspectionId, int seq, CheckedPhoto photo) {
        String relative = inspectionId + "/" + seq + ".jpg";
        write(root.resolve(relative), photo.jpeg());
        write(root.resolve(inspectionId + "/" + seq + "-thumb.jpg"), photo.thumbnail());
        return relative;
    }

    byte[] read(String storedPath, boolean thumbnail) {
        String name = thumbnail ? storedPath.replace(".jpg", "-thumb.jpg") : storedPath;
        Path file = root.resolve(name).normalize();
        if (!file.startsWith(root)) {
            throw new IllegalStateException("Stored photo path escapes the photo folder: " + storedPath);
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "upload", ".part");
            Files.write(tmp, bytes);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
