package org.wufei.gis.analysis;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.wufei.gis.common.ApiException;

/**
 * Asynchronous executions of processes, held in memory (one instance; see docs/analysis.md for the table a
 * multi-instance setup would claim jobs from). A job past {@code gis.analysis.max-job-seconds} is cancelled and
 * fails with {@code process_too_long}; its statements also stop at the statement timeout.
 */
@Component
public class Jobs {
    private static final Logger log = LoggerFactory.getLogger(Jobs.class);

    private final Processes processes;
    private final AnalysisLimits limits;
    private final Clock clock;
    private final ExecutorService workers;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(
            r -> daemon(r, "process-job-watchdog"));
    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private final Map<String, Future<?>> running = new LinkedHashMap<>();

    public Jobs(Processes processes, Clock clock) {
        this.processes = processes;
        this.limits = processes.limits();
        this.clock = clock;
        this.workers = Executors.newFixedThreadPool(limits.jobWorkers(), r -> daemon(r, "process-job"));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Queues an execution whose inputs have been checked; returns the accepted job. */
    public synchronized Job submit(String processId, ProcessInputs inputs, String owner) {
        String id = UUID.randomUUID().toString();
        Job job = new Job(id, processId, owner, Job.State.ACCEPTED, now(), null, null, null, null);
        jobs.put(id, job);
        forgetOldest();
        running.put(id, workers.submit(() -> run(id, inputs)));
        watchdog.schedule(() -> tooLong(id), limits.maxJobSeconds(), TimeUnit.SECONDS);
        return job;
    }

    private void run(String id, ProcessInputs inputs) {
        Job started = update(id, j -> j.state() == Job.State.ACCEPTED
                ? new Job(j.id(), j.processId(), j.owner(), Job.State.RUNNING, j.created(), now(), null, null, null)
                : null);
        if (started == null) {
            return;
        }
        try {
            ProcessResult result = processes.execute(started.processId(), inputs);
            finish(id, Job.State.SUCCESSFUL, result, null);
        } catch (ApiException e) {
            finish(id, Job.State.FAILED, null, e);
        } catch (RuntimeException e) {
            log.error("Process job {} ({}) failed", id, started.processId(), e);
            finish(id, Job.State.FAILED, null,
                    new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", null));
        }
    }

    private void tooLong(String id) {
        Future<?> f;
        synchronized (this) {
            f = running.get(id);
        }
        if (f != null && !f.isDone()) {
            finish(id, Job.State.FAILED, null, new ApiException(HttpStatus.UNPROCESSABLE_CONTENT,
                    "process_too_long", null, limits.maxJobSeconds()));
            f.cancel(true);
        }
    }

    private void finish(String id, Job.State state, ProcessResult result, ApiException failure) {
        update(id, j -> j.state().ended() ? null
                : new Job(j.id(), j.processId(), j.owner(), state, j.created(), j.started(), now(), result, failure));
        synchronized (this) {
            running.remove(id);
        }
    }

    private synchronized Job update(String id, java.util.function.UnaryOperator<Job> change) {
        Job current = jobs.get(id);
        Job next = current == null ? null : change.apply(current);
        if (next != null) {
            jobs.put(id, next);
        }
        return next;
    }

    public synchronized Optional<Job> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    /** The job, or 404 problem {@code job_not_found}. */
    public Job require(String id) {
        return find(id).orElseThrow(() -> ApiException.notFound("job", id));
    }

    /** The jobs of one owner (every job for null), newest first. */
    public synchronized List<Job> list(String owner) {
        List<Job> out = new ArrayList<>();
        for (Job j : jobs.values()) {
            if (owner == null || owner.equals(j.owner())) {
                out.add(j);
            }
        }
        out.sort(Comparator.comparing(Job::created).reversed());
        return out;
    }

    /** Dismisses the job: cancels it if it still runs and drops its result. */
    public Job dismiss(String id) {
        Future<?> f;
        synchronized (this) {
            f = running.remove(id);
        }
        if (f != null) {
            f.cancel(true);
        }
        Job dismissed = update(id, j -> new Job(j.id(), j.processId(), j.owner(), Job.State.DISMISSED,
                j.created(), j.started(), now(), null, null));
        if (dismissed == null) {
            throw ApiException.notFound("job", id);
        }
        return dismissed;
    }

    Processes processes() {
        return processes;
    }

    private void forgetOldest() {
        var it = jobs.entrySet().iterator();
        while (jobs.size() > limits.jobsKept() && it.hasNext()) {
            Map.Entry<String, Job> e = it.next();
            if (e.getValue().state().ended()) {
                it.remove();
            } else {
                break;
            }
        }
    }

    private Instant now() {
        return clock.instant();
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
        watchdog.shutdownNow();
    }
}
