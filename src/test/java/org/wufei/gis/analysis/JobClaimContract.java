package org.wufei.gis.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.wufei.gis.common.DatabaseKind;

/**
 * Workers of two replicas claiming from one process_job table never take the same job: 200 accepted jobs, four
 * claimers on their own connections, every job claimed exactly once, oldest first.
 */
abstract class JobClaimContract {

    abstract DataSource database();

    abstract DatabaseKind kind();

    @Test
    void fourWorkersClaimingTogetherTakeEveryJobExactlyOnce() throws Exception {
        DataSource db = database();
        JobStore store = JobTables.store(db, kind());
        Instant t0 = Instant.parse("2026-12-01T00:00:00Z");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            store.insert(new Job(id, "nearest-sites", "planner", Job.State.ACCEPTED, t0.plusSeconds(i), null, null,
                    null, null, 0), "{}");
        }
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<List<String>>> claims = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            JobStore worker = JobTables.store(db, kind());
            String name = "replica-" + w;
            Callable<List<String>> claimAll = () -> {
                go.await();
                List<String> mine = new ArrayList<>();
                for (Optional<JobStore.Claimed> c = worker.claim(name, Instant.now()); c.isPresent();
                        c = worker.claim(name, Instant.now())) {
                    mine.add(c.get().id());
                }
                return mine;
            };
            claims.add(pool.submit(claimAll));
        }
        go.countDown();
        List<String> all = new ArrayList<>();
        for (Future<List<String>> f : claims) {
            all.addAll(f.get());
        }
        pool.shutdown();
        Set<String> distinct = new HashSet<>(all);
        assertThat(all).hasSize(200);
        assertThat(distinct).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(store.list(null, 1000)).allMatch(j -> j.state() == Job.State.RUNNING);
    }

    @Test
    void aLateWorkerDoesNotOverwriteADismissal() {
        JobStore store = JobTables.store(database(), kind());
        String id = UUID.randomUUID().toString();
        store.insert(new Job(id, "nearest-sites", "planner", Job.State.ACCEPTED, Instant.now(), null, null, null, null,
                0), "{}");
        assertThat(store.claim("replica-a", Instant.now())).isPresent();
        assertThat(store.dismiss(id, Instant.now())).isTrue();
        assertThat(store.finish(id, Job.State.SUCCESSFUL, ProcessResultJson.write(new ProcessResult(List.of(),
                Map.of())), null, Instant.now())).isFalse();
        assertThat(store.find(id).orElseThrow().state()).isEqualTo(Job.State.DISMISSED);
    }

    @Test
    void aResultIsStoredGzippedAndReadBackAsItWas() {
        JobStore store = JobTables.store(database(), kind());
        String id = UUID.randomUUID().toString();
        store.insert(new Job(id, "river-screening", "planner", Job.State.ACCEPTED, Instant.now(), null, null, null,
                null, 0), "{}");
        assertThat(store.claim("replica-a", Instant.now())).isPresent();
        ProcessResult result = new ProcessResult(List.of(ProcessResult.Feature.ofGeoJson("S-1",
                "{\"type\":\"Point\",\"coordinates\":[110.2,40.7]}", Map.of("name", "白菜沟堆场", "distance_m", 12.5))),
                Map.of("count", 1));
        assertThat(store.finish(id, Job.State.SUCCESSFUL, ProcessResultJson.write(result), null, Instant.now()))
                .isTrue();
        ProcessResult read = store.find(id).orElseThrow().result();
        assertThat(read.summary()).containsEntry("count", 1L);
        assertThat(read.features()).singleElement().satisfies(f -> {
            assertThat(f.properties()).containsEntry("name", "白菜沟堆场").containsEntry("distance_m", 12.5);
            assertThat(f.geometry().getCoordinate().x).isEqualTo(110.2);
        });
        assertThat(store.dismiss(id, Instant.now())).isTrue();
        assertThat(store.find(id).orElseThrow().result()).isNull();
    }

    /** A result written before results were gzipped (V313) is JSON text in {@code result}; it stays readable. */
    @Test
    void aResultKeptAsTextBeforeGzipStaysReadable() throws Exception {
        DataSource db = database(); // a fresh table at each call
        JobStore store = JobTables.store(db, kind());
        String id = UUID.randomUUID().toString();
        store.insert(new Job(id, "nearest-sites", "planner", Job.State.ACCEPTED, Instant.now(), null, null, null,
                null, 0), "{}");
        try (var c = db.getConnection(); var ps = c.prepareStatement(
                "UPDATE process_job SET status = 'successful', result = ? WHERE id = ?")) {
            ps.setString(1, "{\"summary\":{\"count\":1},\"features\":[{\"id\":\"S-2\",\"geometry\":null,"
                    + "\"properties\":{\"name\":\"吉忽伦图\"}}]}");
            ps.setString(2, id);
            ps.executeUpdate();
        }
        ProcessResult read = store.find(id).orElseThrow().result();
        assertThat(read.summary()).containsEntry("count", 1L);
        assertThat(read.features()).singleElement().satisfies(f -> assertThat(f.properties())
                .containsEntry("name", "吉忽伦图"));
    }
}
