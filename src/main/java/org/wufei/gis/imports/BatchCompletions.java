package org.wufei.gis.imports;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells requests held by {@code Prefer: wait} that their batch has ended, in this process's memory. A waiter
 * registers first and reads the batch after, so a batch that ends in between is seen by that read; the job calls
 * {@link #ended} only once the batch's final state is committed.
 */
@Component
class BatchCompletions {
    private static final Logger log = LoggerFactory.getLogger(BatchCompletions.class);

    private final ConcurrentMap<Long, Set<Runnable>> waiters = new ConcurrentHashMap<>();

    /** Runs {@code onEnd} once, on the job's thread, when the batch ends; close the handle when no longer waiting. */
    Registration register(long batchId, Runnable onEnd) {
        waiters.compute(batchId, (id, set) -> {
            Set<Runnable> s = set == null ? ConcurrentHashMap.newKeySet() : set;
            s.add(onEnd);
            return s;
        });
        return () -> waiters.computeIfPresent(batchId, (id, set) -> {
            set.remove(onEnd);
            return set.isEmpty() ? null : set;
        });
    }

    /** The batch has ended (or its job gave up on it): every waiter is told, and forgotten. */
    void ended(long batchId) {
        Set<Runnable> s = waiters.remove(batchId);
        if (s == null) {
            return;
        }
        for (Runnable onEnd : s) {
            try {
                onEnd.run();
            } catch (RuntimeException e) {
                log.warn("A waiter on import batch {} failed", batchId, e);
            }
        }
    }

    /** Requests waiting now for the batch. */
    int waiting(long batchId) {
        Set<Runnable> s = waiters.get(batchId);
        return s == null ? 0 : s.size();
    }

    /** A waiter's place in the queue. */
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
