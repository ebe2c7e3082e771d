package org.wufei.gis.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Report photos on disk under {@code gis.data-dir}/reports/, named after the tracking code (never after anything the
 * client sent). Only the re-encoded JPEG is written: what the camera or the client put beside the pixels is gone.
 */
@Component
class ReportPhotos {
    private final Path root;

    ReportPhotos(@Value("${gis.data-dir}") String dataDir) {
        this.root = Path.of(dataDir).resolve("reports").toAbsolutePath().normalize();
    }

    String save(String code, byte[] jpeg) {
        String name = code + ".jpg";
        try {
            Files.createDirectories(root);
            Path tmp = Files.createTempFile(root, "report", ".part");
            Files.write(tmp, jpeg);
            Files.move(tmp, root.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return name;
    }

    void deleteQuietly(String name) {
        try {
            Files.deleteIfExists(root.resolve(name));
        } catch (IOException e) {
            // a stray photo without a report is harmless and is named after no one
        }
    }

    Optional<byte[]> read(String name) {
        Path file = root.resolve(name).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
