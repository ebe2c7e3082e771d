package org.wufei.gis.imports;

import org.wufei.gis.imports.run.BatchRun;
import java.util.function.LongConsumer;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a running batch's progress in short transactions of its own, so it shows while the batch's own transaction
 * is open: the share of the file read when the reader can tell (bytes parsed), else features read over the
 * reader's count. At most a few writes a second: each is a commit.
 */
final class BatchProgress implements LongConsumer {
    private static final long MIN_INTERVAL_NANOS = 200_000_000L;

    private final long batchId;
    private final Long total;
    private final BatchRun run;
    private final ImportBatches batches;
    private final TransactionTemplate shortTx;
    private long lastWrite;
    private boolean written;

    BatchProgress(long batchId, Long total, BatchRun run, ImportBatches batches,
            TransactionTemplate shortTx) {
        this.batchId = batchId;
        this.total = total;
        this.run = run;
        this.batches = batches;
        this.shortTx = shortTx;
    }

    /** Told the number of features read so far. */
    @Override
    public void accept(long read) {
        long now = System.nanoTime();
        if (written && now - lastWrite < MIN_INTERVAL_NANOS) {
            return;
        }
        written = true;
        lastWrite = now;
        double fraction = run.fractionRead().orElse(total == null || total == 0 ? 0 : (double) read / total);
        shortTx.executeWithoutResult(s -> batches.progress(batchId, Math.min(0.99, fraction), run.accepted(),
                run.rejected()));
    }
}
