package org.wufei.gis.imports;

import org.wufei.gis.imports.run.RunErrors;
import org.wufei.gis.common.Texts;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Fails batches whose runner is gone: at start, the ones this replica was running when its previous process died;
 * at any time, those of another replica whose lease ran out. Their detections were never committed (one
 * transaction per batch), so nothing partial remains; the kept file allows a retry.
 */
@Component
class ImportRecovery {
    private static final Logger log = LoggerFactory.getLogger(ImportRecovery.class);

    private final ImportBatches batches;
    private final Clock clock;

    ImportRecovery(ImportBatches batches, Clock clock) {
        this.batches = batches;
        this.clock = clock;
    }

    void failAbandoned(String replica, boolean restarted, Instant staleBefore) {
        var error = new RunErrors.StoredError(null, null, null, "import_interrupted",
                Texts.zh("import.interrupted"), Texts.en("import.interrupted"));
        int n = batches.failAbandoned(replica, restarted, staleBefore, RunErrors.json(List.of(error)),
                RunErrors.json(Map.of("import_interrupted", 1)), clock.instant());
        if (n > 0) {
            log.warn("Marked {} interrupted import batch(es) failed", n);
        }
    }
}
