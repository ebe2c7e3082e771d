package org.wufei.gis.imports;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.wufei.gis.common.Replica;

/**
 * The import queue as the database holds it, so that several replicas share it: a batch runs where it is claimed
 * ({@code FOR UPDATE SKIP LOCKED}, {@link ImportBatches#claim}), and only once. An upload is handed to this
 * replica's workers at once; besides, every replica looks for queued batches whose file it can read (a work
 * directory shared by the replicas, or a batch left queued by a restart) when a worker is idle, keeps the lease of
 * the batches it runs, and fails those whose replica stopped renewing theirs.
 */
@Component
class ImportQueue implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(ImportQueue.class);
    private static final int CANDIDATES = 8;

    private final ImportBatches batches;
    private final ImportJob job;
    private final ExecutorService workers;
    private final ImportsProperties props;
    private final ImportRecovery recovery;
    private final Replica replica;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final Duration poll;
    private final Duration lease;
    private final Set<Long> handedOver = ConcurrentHashMap.newKeySet();
    private volatile ScheduledExecutorService timer;

    ImportQueue(ImportBatches batches, ImportJob job, ExecutorService importWorkers, ImportsProperties props,
            ImportRecovery recovery, Replica replica, Clock clock, PlatformTransactionManager tm,
            @Value("${gis.imports.poll-seconds:5}") int pollSeconds,
            @Value("${gis.imports.lease-seconds:60}") int leaseSeconds) {
        this.batches = batches;
        this.job = job;
        this.workers = importWorkers;
        this.props = props;
        this.recovery = recovery;
        this.replica = replica;
        this.clock = clock;
        this.tx = new TransactionTemplate(tm);
        this.poll = Duration.ofSeconds(Math.max(1, pollSeconds));
        this.lease = Duration.ofSeconds(Math.max(3L * this.poll.toSeconds(), leaseSeconds));
    }

    /** Where a batch's file waits: a folder per content hash, the file under its own (sanitised) name. */
    Path storedFile(String sha, String fileName) {
        return props.workDir().resolve(sha).resolve(ImportService.safeName(fileName));
    }

    /** Hands a batch just queued here to this replica's workers; a full queue throws RejectedExecutionException. */
    void runHere(long id, Path stored, String encoding, String layer) {
        handedOver.add(id);
        try {
            workers.execute(() -> {
                handedOver.remove(id);
                job.run(id, stored, encoding, layer, false);
            });
        } catch (RejectedExecutionException e) {
            handedOver.remove(id);
            throw e;
        }
    }

    /** One round: renew this replica's leases, fail batches of replicas that stopped, take queued work if idle. */
    void tick() {
        var now = clock.instant();
        batches.heartbeat(replica.name(), now);
        recovery.failAbandoned(replica.name(), false, now.minus(lease));
        while (idle()) {
            var claimed = tx.execute(s -> claimVisible());
            if (claimed == null) {
                return;
            }
            Path file = storedFile(claimed.sha256(), claimed.fileName());
            log.info("Running queued import batch {} on replica {}", claimed.id(), replica.name());
            try {
                workers.execute(() -> job.run(claimed.id(), file, claimed.encoding(), claimed.layer(), true));
            } catch (RejectedExecutionException e) {
                batches.unclaim(claimed.id(), replica.name());
                return;
            }
        }
    }

    private ImportBatches.Queued claimVisible() {
        for (var b : batches.lockQueued(CANDIDATES)) {
            if (!handedOver.contains(b.id()) && Files.isRegularFile(storedFile(b.sha256(), b.fileName()))
                    && batches.claim(b.id(), replica.name(), clock.instant())) {
                return b;
            }
        }
        return null;
    }

    private boolean idle() {
        return workers instanceof ThreadPoolExecutor pool && !pool.isShutdown()
                && pool.getActiveCount() + pool.getQueue().size() < pool.getMaximumPoolSize();
    }

    @Override
    public void start() {
        recovery.failAbandoned(replica.name(), true, clock.instant().minus(lease));
        ScheduledExecutorService t = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "import-queue");
            thread.setDaemon(true);
            return thread;
        });
        t.scheduleWithFixedDelay(this::safeTick, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
        timer = t;
    }

    private void safeTick() {
        try {
            tick();
        } catch (RuntimeException e) {
            // the database may be away for a while; the next round tries again
            log.warn("Import queue round failed: {}", e.toString());
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService t = timer;
        timer = null;
        if (t != null) {
            t.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }
}
