package org.wufei.gis.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wufei.gis.detections.ImportedBatches;
import org.wufei.gis.common.Actor;
import org.wufei.gis.common.ApiException;
import org.wufei.gis.common.District;
import org.wufei.gis.common.Role;
import org.wufei.gis.crs.CrsRegistry;
import org.wufei.gis.imports.read.ImportException;
import org.wufei.gis.detections.Detections;
import org.wufei.gis.detections.DetectionsChanged;
import org.wufei.gis.imports.normalise.DistrictCheck;
import org.wufei.gis.common.multipart.MultipartUpload;

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
    private final ImportQueue queue;
    private final ImportsProperties props;
    private final UploadCheck check;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final MultipartUpload.Limits uploadLimits;

    ImportService(ImportBatches batches, Detections detections, ImportJob job, ImportQueue queue,
            ImportsProperties props, CrsRegistry crs, District district, ApplicationEventPublisher events,
            Clock clock, MultipartUpload.Limits uploadLimits) {
        this.batches = batches;
        this.detections = detections;
        this.job = job;
        this.queue = queue;
        this.props = props;
        this.check = new UploadCheck(crs, new DistrictCheck(district, props.marginMetres()));
        this.events = events;
        this.clock = clock;
        this.uploadLimits = uploadLimits;
    }

    static void requireImporter(Actor actor) {
        ImportedBatches.requireImporter(actor);
    }

    /**
     * Reads an upload's multipart body: the file part goes to a folder of its own under the work directory, hashed
     * on the way. The caller {@link #release}s it after submitting it or refusing it.
     */
    MultipartUpload receive(InputStream body, String contentType, long contentLength) {
        Path dir;
        try {
            Files.createDirectories(props.workDir());
            dir = Files.createDirectories(props.workDir().resolve("incoming-" + UUID.randomUUID()));
        } catch (IOException e) {
            throw unreceived();
        }
        try {
            return MultipartUpload.read(body, contentType, contentLength, uploadLimits, "file",
                    name -> dir.resolve(safeName(ImportParams.fileNameOf(name))));
        } catch (IOException e) {
            throw unreceived();
        } finally {
            try (var left = Files.list(dir)) {
                if (left.findAny().isEmpty()) {
                    Files.delete(dir);
                }
            } catch (IOException e) {
                // a folder left behind is swept with the work directory
            }
        }
    }

    private static ImportException unreceived() {
        return ImportException.keyed(ImportException.FILE_UNREADABLE, "file", "import.unreceived");
    }

    Submitted submit(MultipartUpload received, ImportRequest request, Actor actor) {
        requireImporter(actor);
        if (received.file() == null) {
            throw ApiException.badRequest("parameter_missing", "file", "file");
        }
        return submit(received.file(), received.sha256(), request, actor);
    }

    /** Submits a file already under the work directory, whose content hash is known; the file is moved. */
    Submitted submit(Path upload, String sha, ImportRequest request, Actor actor) {
        requireImporter(actor);
        try {
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
                    // The same file reached another replica (or thread) at the same moment: one batch, theirs.
                    var other = batches.findBySha(sha).orElseThrow(() -> e);
                    if (other.state().equals("succeeded")) {
                        ImportJob.deleteQuietly(stored);
                        ImportJob.deleteQuietly(stored.getParent());
                    }
                    return new Submitted(other.id(), false, other.state());
                }
            }
            enqueue(id, stored, request, existing.isEmpty());
            return new Submitted(id, existing.isEmpty(), "queued");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes what is left of an upload: its file, unless a batch took it, and the folder it came in. */
    void release(MultipartUpload upload) {
        if (upload.file() != null) {
            ImportJob.deleteQuietly(upload.file());
            ImportJob.deleteQuietly(upload.file().getParent());
        }
    }

    private Path storedFile(String sha, String fileName) {
        return queue.storedFile(sha, fileName);
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
        job.dropMedia(id);
        Path stored = storedFile(batch.sha256(), batch.fileName());
        ImportJob.deleteQuietly(stored);
        ImportJob.deleteQuietly(stored.getParent());
        events.publishEvent(new DetectionsChanged(id, DetectionsChanged.ROLLED_BACK, bounds));
    }

    private void enqueue(long id, Path stored, ImportRequest request, boolean created) {
        try {
            queue.runHere(id, stored, request.encoding(), request.layer());
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
