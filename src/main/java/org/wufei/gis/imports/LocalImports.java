package org.wufei.gis.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.wufei.gis.common.Actor;

/**
 * Imports a file the service itself holds (the demo's screening round) through the same queue, checks and triage as
 * an upload; the same content twice is one batch.
 */
@Component
public class LocalImports {
    private final ImportService service;
    private final ImportsProperties props;

    LocalImports(ImportService service, ImportsProperties props) {
        this.service = service;
        this.props = props;
    }

    /** Queues the file as a batch from {@code source}; the batch's id. */
    public long submit(Path file, String source, Actor actor) {
        try {
            Path dir = Files.createDirectories(props.workDir().resolve("incoming-" + UUID.randomUUID()));
            Path copy = dir.resolve(ImportService.safeName(file.getFileName().toString()));
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
                Files.copy(in, copy);
            }
            var submitted = service.submit(copy, HexFormat.of().formatHex(sha.digest()),
                    new ImportRequest(file.getFileName().toString(), source, null, null, null, null, false), actor);
            ImportJob.deleteQuietly(copy);
            ImportJob.deleteQuietly(dir);
            return submitted.batchId();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
