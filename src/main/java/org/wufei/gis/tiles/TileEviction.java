package org.wufei.gis.tiles;

import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.wufei.gis.catalog.LayerChanged;

/**
 * Keeps tiles fresh: after a change commits, every cached tile of the changed collection (and the multi-layer
 * dataset tiles) touching the old or new bounds is evicted, at every zoom. Running after commit means a request
 * that re-reads the tile sees the new data; the cache's generation check covers requests already under way.
 */
@Component
class TileEviction {
    private static final Logger log = LoggerFactory.getLogger(TileEviction.class);

    private final TileCache cache;
    private final Set<String> siteCollections;

    TileEviction(TileCache cache, TileLayers layers) {
        this.cache = cache;
        this.siteCollections = layers.siteLayers().stream().map(TileLayer::id).collect(Collectors.toSet());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(LayerChanged e) {
        evict(e.collectionId(), e.before(), e.after());
    }

    private void evict(String collection, org.locationtech.jts.geom.Envelope before,
            org.locationtech.jts.geom.Envelope after) {
        boolean inDataset = siteCollections.contains(collection);
        Predicate<String> tilesets = t -> t.equals(collection) || (inDataset && t.equals(TileRequest.DATASET));
        int n = cache.evict(tilesets, before, after);
        log.debug("Evicted {} tiles of {} after a change", n, collection);
    }
}
