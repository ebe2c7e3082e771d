package org.wufei.gis.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.wufei.gis.common.Actor;
import org.wufei.gis.common.Districts;
import org.wufei.gis.common.Replica;
import org.wufei.gis.common.Role;
import org.wufei.gis.crs.CrsRegistry;
import org.wufei.gis.imports.read.ReadOptions;
import org.wufei.gis.detections.Detections;
import org.wufei.gis.common.multipart.MultipartUpload;
import org.wufei.gis.common.multipart.MultipartUploadTest;

class ImportQueueTest {
    @TempDir
    Path work;

    @Test
    void aFullWorkerQueueRefusesTheUploadWith503AndKeepsNothing() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        var pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1));
        pool.execute(() -> await(release));
        pool.execute(() -> await(release));
        try {
            ImportBatches batches = mock(ImportBatches.class);
            when(batches.findBySha(anyString())).thenReturn(Optional.empty());
            when(batches.insert(any(), anyString(), anyString(), anyString(), any())).thenReturn(42L);
            ImportJob job = mock(ImportJob.class);
            when(job.readOptions(null, null)).thenReturn(ReadOptions.defaults());
            var props = new ImportsProperties(work, 1, 1, 17, null, null, null, null, null, null, null, null);
            var queue = new ImportQueue(batches, job, pool, props, mock(ImportRecovery.class), new Replica("test"),
                    Clock.systemUTC(), mock(PlatformTransactionManager.class), 5, 60);
            var service = new ImportService(batches, mock(Detections.class), job, queue, props, new CrsRegistry(),
                    Districts.read(Path.of("gis-data/district.json")), mock(ApplicationEventPublisher.class),
                    Clock.systemUTC(), new MultipartUpload.Limits(1 << 20, 1 << 20));
            byte[] body = MultipartUploadTest.body("xyz", MultipartUploadTest.filePart("file", "a.geojson",
                    Files.readAllBytes(Uploads.fixture("names-with-html-script.geojson"))));
            var file = service.receive(new ByteArrayInputStream(body), "multipart/form-data; boundary=xyz", -1);
            var request = new ImportRequest("a.geojson", "manual", null, null, null, null, false);

            assertThatThrownBy(() -> service.submit(file, request, new Actor("u", Set.of(Role.UPLOADER), null)))
                    .isInstanceOfSatisfying(ImportService.QueueFullException.class,
                            e -> assertThat(e.retryAfterSeconds()).isEqualTo(17));
            service.release(file);
            verify(batches).delete(42L);
            try (var left = Files.walk(work)) {
                assertThat(left.filter(Files::isRegularFile)).isEmpty();
            }
        } finally {
            release.countDown();
            pool.shutdown();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
