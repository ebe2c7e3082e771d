package org.wufei.gis.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wufei.gis.catalog.LocalizedText;
import org.wufei.gis.common.District;
import tools.jackson.databind.json.JsonMapper;

/** Asynchronous jobs: a job past max-job-seconds fails with process_too_long; a dismissed one stops. */
class JobsTest {
    private static final District DISTRICT = new District("d", "0", "D", "区", "District", "市", "City",
            new double[] {110.0, 40.5, 110.6, 40.9}, new double[] {110.3, 40.7}, 4546, 2000, 1L, List.of(), List.of());

    private final CountDownLatch release = new CountDownLatch(1);
    private Jobs jobs;

    /** A process that waits until the test releases it (or its thread is interrupted). */
    private final PlanningProcess slow = new PlanningProcess() {
        @Override
        public ProcessDescription description() {
            return new ProcessDescription("slow", "1", new LocalizedText("慢", "slow"), new LocalizedText("慢", "slow"),
                    List.of(), Map.of(), false);
        }

        @Override
        public ProcessResult execute(ProcessInputs inputs) {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new ProcessResult(List.of(), Map.of("done", true));
        }
    };

    private Jobs jobs(int maxJobSeconds) {
        AnalysisLimits limits = new AnalysisLimits(null, null, null, null, maxJobSeconds, 1, null);
        jobs = new Jobs(new Processes(List.of(slow), DISTRICT, limits), Clock.systemUTC());
        return jobs;
    }

    @AfterEach
    void stop() {
        release.countDown();
        jobs.stop();
    }

    private Job waitUntilEnded(String id) throws InterruptedException {
        for (int i = 0; i < 100 && !jobs.require(id).state().ended(); i++) {
            Thread.sleep(50);
        }
        return jobs.require(id);
    }

    @Test
    void aJobRunningPastTheLimitFailsWithProcessTooLong() throws InterruptedException {
        Jobs j = jobs(1);
        Job job = j.submit("slow", j.processes().inputs("slow", JsonMapper.builder().build().readTree("{}")), "planner");
        Job ended = waitUntilEnded(job.id());
        assertThat(ended.state()).isEqualTo(Job.State.FAILED);
        assertThat(ended.failure().code()).isEqualTo("process_too_long");
        assertThat(ended.result()).isNull();
    }

    @Test
    void aReleasedJobSucceedsAndADismissedOneIsGoneFromResults() throws InterruptedException {
        Jobs j = jobs(60);
        Job job = j.submit("slow", j.processes().inputs("slow", null), "planner");
        release.countDown();
        assertThat(waitUntilEnded(job.id()).state()).isEqualTo(Job.State.SUCCESSFUL);
        assertThat(j.dismiss(job.id()).state()).isEqualTo(Job.State.DISMISSED);
        assertThat(j.require(job.id()).result()).isNull();
        assertThat(j.list("planner")).hasSize(1);
        assertThat(j.list("someone else")).isEmpty();
    }
}
