package org.wufei.gis.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;
import org.wufei.gis.common.Actor;
import org.wufei.gis.common.ApiException;
import org.wufei.gis.common.District;
import org.wufei.gis.common.Role;
import org.wufei.gis.crs.CrsRegistry;
import org.wufei.gis.imports.read.ImportException;

/**
 * Takes uploads in: stores the file under its content hash, answers a file seen before with its batch, refuses what
 * cannot work before writing anything, then queues the batch on the bounded worker pool. Also rolls batches back
 * and retries failed ones.
 */
@Service
class ImportService {
    static final List<Role> IMPORTERS = List.of(Role.UPLOADER, Role.ADMIN);

    /** The batch an upload led to; {@code created} is false when the same content was uploaded before. */
    record Submitted(long batchId, boolean created, String state) {
    }

    private final ImportBatches batches;
    private final Detections detections;
    private final ImportJob job;
    private final ExecutorService workers;
    private final ImportsProperties props;
    private final UploadCheck check;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ImportService(ImportBatches batches, Detections detections, ImportJob job, ExecutorService importWorkers,
            ImportsProperties props, CrsRegistry crs, District district, ApplicationEventPublisher events,
            Clock clock) {
        this.batches = batches;
        this.detections = detections;
        this.job = job;
        this.workers = importWorkers;
        this.props = props;
        this.check = new UploadCheck(crs, new DistrictCheck(district, props.marginMetres()));
        this.events = events;
        this.clock = clock;
    }

    static void requireImporter(Actor actor) {
        if (!actor.hasAnyRole(IMPORTERS)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "role_forbidden", null);
        }
    }

    Submitted submit(MultipartFile file, ImportRequest request, Actor actor) {
        requireImporter(actor);
        if (file == null) {
            throw ApiException.badRequest("parameter_missing", "file", "file");
        }
        Path upload = receive(file);
        try {
            String sha = sha256(upload);
            var existing = batches.findBySha(sha);
            if (existing.isPresent() && !existing.get().state().equals("failed")) {
                return new Submitted(existing.get().id(), false, existing.get().state());
            }
            String format = check.check(upload, job.readOptions(request.encoding(), request.layer()), request.crs());
            Path stored = storedFile(sha, request.fileName());
            Files.createDirectories(stored.getParent());
            Files.move(upload, stored, StandardCopyOption.REPLACE_EXISTING);
            long id;
            if (existing.isPresent()) {
                id = existing.get().id();
                batches.requeue(id, request, format);
            } else {
                try {
                    id = batches.insert(request, sha, format, actor.username(), clock.instant());
                } catch (DuplicateKeyException e) {
                    var other = batches.findBySha(sha).orElseThrow(() -> e);
                    return new Submitted(other.id(), false, other.state());
                }
            }
            enqueue(id, stored, request, existing.isEmpty());
            return new Submitted(id, existing.isEmpty(), "queued");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            ImportJob.deleteQuietly(upload);
            ImportJob.deleteQuietly(upload.getParent());
        }
    }

    /** Where a batch's file waits: a folder per content hash, the file under its own (sanitised) name. */
    private Path storedFile(String sha, String fileName) {
        return props.workDir().resolve(sha).resolve(safeName(fileName));
    }

    /** The client's file name reduced to letters, digits, dot, dash and underscore (it names the layer). */
    static String safeName(String fileName) {
        String safe = fileName.replaceAll("[^\\p{L}\\p{N}._-]", "_");
        return safe.isEmpty() || safe.startsWith(".") ? "upload" + safe : safe;
    }

    /** Retries a failed batch from its kept file; the same as uploading the file again. */
    Submitted retry(long id, Actor actor) {
        requireImporter(actor);
        var batch = batches.find(id).orElseThrow(() -> ApiException.notFound("import", id));
        if (!batch.state().equals("failed")) {
            throw new ApiException(HttpStatus.CONFLICT, "import_not_failed", null, id, batch.state());
        }
        Path stored = storedFile(batch.sha256(), batch.fileName());
        if (!Files.exists(stored)) {
            throw new ApiException(HttpStatus.CONFLICT, "import_file_gone", null, id);
        }
        var request = new ImportRequest(batch.fileName(), batch.source(), batch.requestedCrs(), batch.acquired(),
                null, null, batch.strict());
        batches.requeue(id, request, batch.format());
        enqueue(id, stored, request, false);
        return new Submitted(id, false, "queued");
    }

    /** Removes a finished batch and its detections; refused while it runs or once a detection became a site. */
    @Transactional
    void rollback(long id, Actor actor) {
        requireImporter(actor);
        var batch = batches.find(id).orElseThrow(() -> ApiException.notFound("import", id));
        if (batch.state().equals("queued") || batch.state().equals("running")) {
            throw new ApiException(HttpStatus.CONFLICT, "import_running", null, id);
        }
        long promoted = detections.promotedOfBatch(id);
        if (promoted > 0) {
            throw new ApiException(HttpStatus.CONFLICT, "import_promoted", null, id, promoted);
        }
        var bounds = detections.boundsOfBatch(id);
        detections.deleteBatch(id);
        batches.delete(id);
        Path stored = storedFile(batch.sha256(), batch.fileName());
        ImportJob.deleteQuietly(stored);
        ImportJob.deleteQuietly(stored.getParent());
        events.publishEvent(new DetectionsChanged(id, DetectionsChanged.ROLLED_BACK, bounds));
    }

    private void enqueue(long id, Path stored, ImportRequest request, boolean created) {
        try {
            workers.execute(() -> job.run(id, stored, request.encoding(), request.layer()));
        } catch (RejectedExecutionException e) {
            if (created) {
                batches.delete(id);
                ImportJob.deleteQuietly(stored);
                ImportJob.deleteQuietly(stored.getParent());
            } else {
                batches.fail(id, null, null, clock.instant());
            }
            throw new QueueFullException(props.retryAfterSeconds());
        }
    }

    private Path receive(MultipartFile file) {
        try {
            Files.createDirectories(props.workDir());
            Path dir = Files.createDirectories(props.workDir().resolve("incoming-" + UUID.randomUUID()));
            Path tmp = dir.resolve(safeName(ImportParams.fileNameOf(file.getOriginalFilename())));
            file.transferTo(tmp); // the container moves its temporary file when it can, instead of copying it
            return tmp;
        } catch (IOException e) {
            throw new ImportException(ImportException.FILE_UNREADABLE, "file", "上传的文件无法接收",
                    "The uploaded file could not be received");
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The worker queue is full: 503 with Retry-After. */
    static final class QueueFullException extends RuntimeException {
        private final int retryAfterSeconds;

        QueueFullException(int retryAfterSeconds) {
            super("import queue full");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        int retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
