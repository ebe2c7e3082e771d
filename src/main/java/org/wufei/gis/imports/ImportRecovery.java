package org.wufei.gis.imports;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * At start, marks batches that were queued or running when the previous process died as failed. Their detections
 * were never committed (one transaction per batch), so nothing partial remains; the kept file allows a retry.
 */
@Component
class ImportRecovery implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(ImportRecovery.class);

    private final ImportBatches batches;
    private final Clock clock;

    ImportRecovery(ImportBatches batches, Clock clock) {
        this.batches = batches;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        var error = new RunErrors.StoredError(null, null, null, "import_interrupted",
                "服务在导入过程中停止，本批次未保存任何要素；可重试（POST /api/imports/{id}/retry）或重新上传。",
                "The service stopped during the import and nothing of this batch was kept; retry it "
                        + "(POST /api/imports/{id}/retry) or upload the file again.");
        int n = batches.failUnfinished(RunErrors.json(List.of(error)), RunErrors.json(Map.of("import_interrupted", 1)),
                clock.instant());
        if (n > 0) {
            log.warn("Marked {} interrupted import batch(es) failed", n);
        }
    }
}
