package org.wufei.gis.imports.register;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.wufei.gis.common.Actor;
import org.wufei.gis.common.DomainException;
import org.wufei.gis.common.Replica;
import org.wufei.gis.common.Role;
import org.wufei.gis.common.Texts;
import org.wufei.gis.imports.ImportsProperties;
import org.wufei.gis.imports.read.ImportException;

/**
 * Runs queued register imports in the background, one at a time (a register is read whole before anything is
 * written), with progress on the import's row as detection batches have. At start it fails the imports this replica
 * had queued or running when its previous process stopped, and any whose replica stopped renewing its lease: nothing
 * of them was written (one transaction per import) and the kept file lets them be retried.
 */
@Component
class RegisterImportJob implements SmartLifecycle {
    /** The queue of register imports is full: 503 with Retry-After, nothing kept. */
    static final class QueueFull extends RuntimeException {
        final int retryAfterSeconds;

        QueueFull(int retryAfterSeconds) {
            super("register import queue full", null, false, false);
            this.retryAfterSeconds = retryAfterSeconds;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(RegisterImportJob.class);
    private static final long PROGRESS_MILLIS = 200;

    private final RegisterImportService service;
    private final RegisterBatches batches;
    private final Replica replica;
    private final Clock clock;
    private final TransactionTemplate own;
    private final Duration lease;
    private final int retryAfterSeconds;
    private final int capacity;
    private volatile ThreadPoolExecutor worker;
    private volatile boolean running;

    RegisterImportJob(RegisterImportService service, RegisterBatches batches, Replica replica, Clock clock,
            PlatformTransactionManager tm, ImportsProperties props,
            @Value("${gis.imports.lease-seconds:60}") int leaseSeconds) {
        this.service = service;
        this.batches = batches;
        this.replica = replica;
        this.clock = clock;
        this.own = new TransactionTemplate(tm);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.lease = Duration.ofSeconds(leaseSeconds);
        this.retryAfterSeconds = props.retryAfterSeconds();
        this.capacity = Math.max(1, props.queueCapacity());
        this.worker = newWorker();
    }

    // a stopped job (a context stopped and started again, as the test framework pauses cached contexts) gets a new one
    private ThreadPoolExecutor newWorker() {
        return new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(capacity), r -> {
            Thread t = new Thread(r, "register-import");
            t.setDaemon(true);
            return t;
        });
    }

    /** Whether a new import would find a place in the queue (else 503, nothing kept). */
    void requireRoom() {
        if (worker.getQueue().remainingCapacity() == 0) {
            throw new QueueFull(retryAfterSeconds);
        }
    }

    /** Hands a queued import to the worker; a full queue fails it (the file stays for a retry). */
    void enqueue(long id) {
        try {
            worker.execute(() -> run(id));
        } catch (RejectedExecutionException e) {
            service.failed(id, List.of(RegisterFile.RowError.of(null, null, null, "import_queue_full",
                    retryAfterSeconds)));
            throw new QueueFull(retryAfterSeconds);
        }
    }

    void run(long id) {
        if (!batches.start(id, replica.name(), clock.instant())) {
            return;
        }
        RegisterBatches.Batch b = batches.find(id).orElseThrow();
        Path file = service.keptFile(b.sha256(), b.fileName());
        try {
            var request = RegisterRequest.of(b);
            var actor = new Actor(b.importedBy(), EnumSet.of(Role.ADMIN), null);
            var progress = progress(id);
            RegisterFile.Read read = service.check(file, b.fileName(), request, progress);
            if (!read.errors().isEmpty()) {
                service.failed(id, read.errors());
                return;
            }
            service.writeAll(id, request, read.rows(), actor, progress);
            Files.deleteIfExists(file);
        } catch (RegisterImportService.Refused e) {
            service.failed(id, e.errors);
        } catch (ImportException e) {
            service.failed(id, List.of(new RegisterFile.RowError(e.featureIndex().isPresent()
                    ? e.featureIndex().getAsLong() : null, null, e.field(), e.code(), null, e.messageZh(),
                    e.messageEn())));
        } catch (DomainException e) {
            service.failed(id, List.of(RegisterFile.RowError.of(null, null, e.field(), e.code(), e.args())));
        } catch (IOException | RuntimeException e) {
            log.error("Register import {} failed", id, e);
            service.failed(id, List.of(new RegisterFile.RowError(null, null, null, "import_failed", null,
                    Texts.zh("import.failed"), Texts.en("import.failed"))));
        }
    }

    /** Writes progress at most five times a second, each in a transaction of its own (the run's is still open). */
    private RegisterFile.Progress progress(long id) {
        long[] last = {0};
        return (fraction, rows) -> {
            long now = System.currentTimeMillis();
            if (now - last[0] >= PROGRESS_MILLIS) {
                last[0] = now;
                own.executeWithoutResult(s -> batches.progress(id, Math.min(1, fraction), rows, replica.name(),
                        clock.instant()));
            }
        };
    }

    @Override
    public void start() {
        String interrupted = service.errorsJson(List.of(new RegisterFile.RowError(null, null, null,
                "import_interrupted", null, Texts.zh("import.register_interrupted"),
                Texts.en("import.register_interrupted"))));
        int n = batches.failAbandoned(replica.name(), clock.instant().minus(lease), interrupted, clock.instant());
        if (n > 0) {
            log.warn("Marked {} interrupted register import(s) failed", n);
        }
        if (worker.isShutdown()) {
            worker = newWorker();
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        worker.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
