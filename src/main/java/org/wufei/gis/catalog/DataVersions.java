package org.wufei.gis.catalog;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A counter per collection that moves on every change of its data: the key part of every cached count and
 * extent, so a cached number never outlives the data it was counted from.
 */
@Component
public class DataVersions {
    private final ConcurrentHashMap<String, AtomicLong> versions = new ConcurrentHashMap<>();

    public long of(String collectionId) {
        return versions.computeIfAbsent(collectionId, k -> new AtomicLong()).get();
    }

    /** Marks a collection changed; imports and other writers call this after committing. */
    public void changed(String collectionId) {
        versions.computeIfAbsent(collectionId, k -> new AtomicLong()).incrementAndGet();
    }

    // Plain listeners run at publication (before commit), the transactional ones after: bump on both, so a
    // count taken in between is never kept.
    @EventListener
    void on(LayerChanged e) {
        changed(e.collectionId());
    }

    @TransactionalEventListener
    void afterCommit(LayerChanged e) {
        changed(e.collectionId());
    }
}
