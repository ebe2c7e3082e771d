package org.wufei.gis.analysis;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.wufei.gis.common.ApiException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asynchronous executions of processes, kept in the {@code process_job} table ({@link JobStore}): a job survives a
 * restart, and with several replicas each job is claimed by one of them. This instance's workers take accepted jobs
 * as soon as one is submitted here and every second otherwise. A job past {@code gis.analysis.max-job-seconds} is
 * cancelled and fails with {@code process_too_long}; its statements also stop at the statement timeout. A job left
 * running by a worker that went away (restart, lost replica) is accepted again once it is older than that limit.
 */
@Component
public class Jobs {
    private static final Logger log = LoggerFactory.getLogger(Jobs.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long POLL_MILLIS = 1_000;

    private final Processes processes;
    private final JobStore store;
    private final AnalysisLimits limits;
    private final Clock clock;
    private final String worker = "jobs-" + UUID.randomUUID();
    private final Instant startedAt;
    private final ExecutorService workers;
    private final Semaphore idle;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            r -> daemon(r, "process-job-scheduler"));
    private final Map<String, FutureTask<Void>> running = new ConcurrentHashMap<>();
    private volatile Job lastRead;

    public Jobs(Processes processes, JobStore store, Clock clock) {
        this.processes = processes;
        this.store = store;
        this.limits = processes.limits();
        this.clock = clock;
        this.startedAt = clock.instant();
        this.workers = Executors.newFixedThreadPool(limits.jobWorkers(), r -> daemon(r, "process-job"));
        this.idle = new Semaphore(limits.jobWorkers());
        scheduler.scheduleWithFixedDelay(this::poll, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Stores an execution whose inputs have been checked and wakes the workers; returns the accepted job. */
    public Job submit(String processId, ProcessInputs inputs, String owner) {
        Job job = new Job(UUID.randomUUID().toString(), processId, owner, Job.State.ACCEPTED, now(), null, null, null,
                null, 0);
        store.insert(job, inputs.json());
        store.forgetOldest(limits.jobsKept());
        scheduler.execute(this::poll);
        return job;
    }

    /** Claims accepted jobs while this instance has an idle worker. */
    private void poll() {
        try {
            store.requeueAbandoned(abandonedBefore());
            while (idle.tryAcquire()) {
                Optional<JobStore.Claimed> claimed = store.claim(worker, now());
                if (claimed.isEmpty()) {
                    idle.release();
                    return;
                }
                start(claimed.get());
            }
        } catch (RuntimeException e) {
            log.warn("Polling process jobs failed; trying again in {} ms", POLL_MILLIS, e);
        }
    }

    /**
     * Running jobs started before this are abandoned: on PostGIS older than a job may run (another replica may be
     * running younger ones); on an embedded H2GIS, also every job started before this instance (only it runs jobs).
     */
    private Instant abandonedBefore() {
        Instant overdue = now().minus(Duration.ofSeconds(limits.maxJobSeconds() + 60L));
        return store.singleInstance() && startedAt.isAfter(overdue) ? startedAt : overdue;
    }

    private void start(JobStore.Claimed job) {
        FutureTask<Void> task = new FutureTask<>(() -> run(job), null);
        running.put(job.id(), task);
        try {
            workers.execute(() -> {
                try {
                    task.run();
                } finally {
                    running.remove(job.id());
                    idle.release();
                    scheduler.execute(this::poll);
                }
            });
            scheduler.schedule(() -> tooLong(job.id()), limits.maxJobSeconds(), TimeUnit.SECONDS);
        } catch (RuntimeException e) {
            running.remove(job.id());
            idle.release();
            throw e;
        }
    }

    private void run(JobStore.Claimed job) {
        try {
            long t0 = System.nanoTime();
            ProcessInputs inputs = processes.inputs(job.processId(), JSON.readTree(job.inputs()));
            ProcessResult result = processes.executeForJob(job.processId(), inputs);
            long t1 = System.nanoTime();
            byte[] json = ProcessResultJson.write(result);
            long t2 = System.nanoTime();
            store.finish(job.id(), Job.State.SUCCESSFUL, json, null, now());
            log.debug("Process job {} ({}): executed in {} ms, result written in {} ms, stored in {} ms", job.id(),
                    job.processId(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (System.nanoTime() - t2) / 1_000_000);
        } catch (ApiException e) {
            store.finish(job.id(), Job.State.FAILED, null, e, now());
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                return; // cancelled by dismissal or the watchdog, which recorded the end
            }
            log.error("Process job {} ({}) failed", job.id(), job.processId(), e);
            store.finish(job.id(), Job.State.FAILED, null,
                    new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", null), now());
        }
    }

    private void tooLong(String id) {
        FutureTask<Void> task = running.get(id);
        if (task != null && !task.isDone()) {
            store.finish(id, Job.State.FAILED, null, new ApiException(HttpStatus.UNPROCESSABLE_CONTENT,
                    "process_too_long", null, limits.maxJobSeconds()), now());
            task.cancel(true);
        }
    }

    /**
     * The job, with its result once successful. The last result read stays parsed here, so a client paging through
     * a large one (a worklist of tens of thousands of rows) does not have it read and parsed again for every page; a
     * result never changes once successful, and the state is read from the table each time.
     */
    public Optional<Job> find(String id) {
        Optional<Job> status = store.status(id);
        if (status.isEmpty() || status.get().state() != Job.State.SUCCESSFUL) {
            return status;
        }
        Job lastRead = this.lastRead;
        if (lastRead != null && lastRead.id().equals(id)) {
            return status.map(j -> withResult(j, lastRead.result()));
        }
        Optional<Job> read = store.find(id);
        read.filter(j -> j.result() != null).ifPresent(j -> this.lastRead = j);
        return read;
    }

    private static Job withResult(Job j, ProcessResult result) {
        return new Job(j.id(), j.processId(), j.owner(), j.state(), j.created(), j.started(), j.finished(), result,
                j.failure(), j.progress());
    }

    /**
     * The job without its result: what a status request needs; a large result (megabytes) is not read for it, so a
     * client polling a job does not pay for its result at the end.
     */
    public Optional<Job> status(String id) {
        return store.status(id);
    }

    /** The job, or 404 problem {@code job_not_found}. */
    public Job require(String id) {
        return find(id).orElseThrow(() -> ApiException.notFound("job", id));
    }

    /** The jobs of one owner (every job for null), newest first, without their results. */
    public List<Job> list(String owner) {
        return store.list(owner, limits.jobsKept());
    }

    /** Dismisses the job: cancels it if it runs here and drops its result. */
    public Job dismiss(String id) {
        if (!store.dismiss(id, now())) {
            throw ApiException.notFound("job", id);
        }
        FutureTask<Void> task = running.get(id);
        if (task != null) {
            task.cancel(true);
        }
        return require(id);
    }

    Processes processes() {
        return processes;
    }

    private Instant now() {
        return clock.instant();
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
        workers.shutdownNow();
    }
}
