package org.wufei.gis.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.wufei.gis.catalog.LocalizedText;
import org.wufei.gis.common.ApiException;
import org.wufei.gis.common.DatabaseKind;
import org.wufei.gis.common.District;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asynchronous jobs kept in the process_job table (an in-memory H2 database): a job past max-job-seconds fails with
 * process_too_long; a dismissed one stops; a job outlives the instance that accepted it — a new instance over the
 * same table runs what the old one left running and serves what it finished.
 */
class JobsTest {
    private static final District DISTRICT = new District("d", "0", "D", "区", "District", "市", "City",
            new double[] {110.0, 40.5, 110.6, 40.9}, new double[] {110.3, 40.7}, 4546, 2000, 1L, List.of(), List.of());
    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    private final CountDownLatch release = new CountDownLatch(1);
    private final DataSource db = JobTables.h2();
    private final List<Jobs> started = new ArrayList<>();

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
                throw new IllegalStateException("interrupted");
            }
            Map<String, Object> props = new java.util.LinkedHashMap<>();
            props.put("name", "甲");
            props.put("distance_m", 300.5);
            props.put("rank", 1L);
            props.put("open", true);
            props.put("note", null);
            return new ProcessResult(List.of(new ProcessResult.Feature("a", WGS84.createPoint(
                    new Coordinate(110.3, 40.7)), props)), Map.of("done", true, "count", 1L));
        }
    };

    private Jobs jobs(int maxJobSeconds) {
        AnalysisLimits limits = new AnalysisLimits(null, null, null, null, maxJobSeconds, 1, null, null);
        Jobs jobs = new Jobs(new Processes(List.of(slow), DISTRICT, limits), JobTables.store(db, DatabaseKind.H2GIS),
                Clock.systemUTC());
        started.add(jobs);
        return jobs;
    }

    @AfterEach
    void stop() {
        release.countDown();
        started.forEach(Jobs::stop);
    }

    private static Job waitUntil(Jobs jobs, String id, Job.State state) throws InterruptedException {
        for (int i = 0; i < 200 && jobs.require(id).state() != state; i++) {
            Thread.sleep(50);
        }
        return jobs.require(id);
    }

    private static Job submit(Jobs j) {
        return j.submit("slow", j.processes().inputs("slow", JsonMapper.builder().build().readTree("{}")), "planner");
    }

    @Test
    void aJobRunningPastTheLimitFailsWithProcessTooLong() throws InterruptedException {
        Jobs j = jobs(1);
        Job ended = waitUntil(j, submit(j).id(), Job.State.FAILED);
        assertThat(ended.state()).isEqualTo(Job.State.FAILED);
        assertThat(ended.failure().code()).isEqualTo("process_too_long");
        assertThat(ended.failure().status().value()).isEqualTo(422);
        assertThat(ended.result()).isNull();
    }

    @Test
    void aReleasedJobSucceedsAndADismissedOneIsGoneFromResults() throws InterruptedException {
        Jobs j = jobs(60);
        Job job = j.submit("slow", j.processes().inputs("slow", null), "planner");
        release.countDown();
        Job done = waitUntil(j, job.id(), Job.State.SUCCESSFUL);
        assertThat(done.progress()).isEqualTo(100);
        assertThat(done.result().features().get(0).properties()).containsEntry("name", "甲")
                .containsEntry("distance_m", 300.5).containsEntry("rank", 1L).containsEntry("open", true)
                .containsEntry("note", null);
        assertThat(done.result().features().get(0).geometry().getCoordinate().x).isEqualTo(110.3);
        assertThat(done.result().summary()).containsEntry("count", 1L);
        assertThat(j.dismiss(job.id()).state()).isEqualTo(Job.State.DISMISSED);
        assertThat(j.require(job.id()).result()).isNull();
        assertThat(j.list("planner")).hasSize(1);
        assertThat(j.list("someone else")).isEmpty();
    }

    @Test
    void aJobLeftRunningByAStoppedInstanceIsRunByTheNextOneAndItsResultOutlivesBoth() throws InterruptedException {
        Jobs first = jobs(60);
        Job job = submit(first);
        assertThat(waitUntil(first, job.id(), Job.State.RUNNING).state()).isEqualTo(Job.State.RUNNING);
        first.stop(); // the instance goes away with the job running

        Jobs second = jobs(60);
        assertThat(second.require(job.id()).owner()).isEqualTo("planner");
        release.countDown();
        assertThat(waitUntil(second, job.id(), Job.State.SUCCESSFUL).state()).isEqualTo(Job.State.SUCCESSFUL);
        second.stop();

        Jobs third = jobs(60);
        assertThat(third.require(job.id()).result().features()).hasSize(1);
        assertThat(third.list(null)).extracting(Job::id).containsExactly(job.id());
    }

    @Test
    void aResultOverMaxResultsIsRefusedInTheRequestButKeptByAJob() throws InterruptedException {
        AnalysisLimits limits = new AnalysisLimits(null, null, null, 0, 60, 1, null, 5);
        Processes processes = new Processes(List.of(slow), DISTRICT, limits);
        Jobs j = new Jobs(processes, JobTables.store(db, DatabaseKind.H2GIS), Clock.systemUTC());
        started.add(j);
        release.countDown();
        ProcessInputs none = processes.inputs("slow", null);
        assertThatThrownBy(() -> processes.execute("slow", none)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.code()).isEqualTo("result_too_large"));
        Job done = waitUntil(j, j.submit("slow", none, "planner").id(), Job.State.SUCCESSFUL);
        assertThat(done.result().features()).hasSize(1);
        j.stop(); // the next job is for an instance whose jobs may keep no row

        Jobs tooSmall = new Jobs(new Processes(List.of(slow), DISTRICT,
                new AnalysisLimits(null, null, null, 0, 60, 1, null, 0)), JobTables.store(db, DatabaseKind.H2GIS),
                Clock.systemUTC());
        started.add(tooSmall);
        Job refused = waitUntil(tooSmall, tooSmall.submit("slow", none, "planner").id(), Job.State.FAILED);
        assertThat(refused.failure().code()).isEqualTo("job_result_too_large");
    }
}
