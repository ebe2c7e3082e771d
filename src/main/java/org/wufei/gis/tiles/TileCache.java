package org.wufei.gis.tiles;

import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.locationtech.jts.geom.Envelope;
import org.springframework.stereotype.Component;
import org.wufei.gis.tiles.encode.Generalisation;

/**
 * The tile cache: bounded by bytes and entries (oldest out first), lock-free reads, and eviction by collection
 * and area. A generation counter stops a tile computed before a change from being cached after its eviction.
 */
@Component
class TileCache {
    /**
     * A cached tile: its MVT bytes (empty = no feature), strong ETag and, once a client asked for it, the same bytes
     * gzip-compressed (null until then, and for tiles too small to gain from it).
     */
    record Tile(byte[] bytes, String etag, byte[] gzip) {
        Tile(byte[] bytes, String etag) {
            this(bytes, etag, null);
        }

        /** The ETag of the gzip variant: a different representation, so a different strong tag. */
        String gzipEtag() {
            return etag.substring(0, etag.length() - 1) + "-gz\"";
        }

        long size() {
            return bytes.length + (gzip == null ? 0 : gzip.length);
        }
    }

    private final ConcurrentHashMap<TileRequest.TileKey, Tile> tiles = new ConcurrentHashMap<>();
    private final Queue<TileRequest.TileKey> order = new ConcurrentLinkedQueue<>();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong queued = new AtomicLong();
    private final long maxBytes;
    private final int maxEntries;

    TileCache(TilesProperties properties) {
        this.maxBytes = properties.cacheMaxBytes();
        this.maxEntries = properties.cacheMaxEntries();
    }

    Tile get(TileRequest.TileKey key) {
        return tiles.get(key);
    }

    /** Read before computing a tile and hand to {@link #put}. */
    long generation() {
        return generation.get();
    }

    void put(TileRequest.TileKey key, Tile tile, long generationAtStart) {
        if (generation.get() != generationAtStart || tile.size() > maxBytes / 16) {
            return;
        }
        Tile replaced = tiles.put(key, tile);
        if (replaced == null) {
            order.add(key);
            queued.incrementAndGet();
        }
        bytes.addAndGet(tile.size() - (replaced == null ? 0 : replaced.size()));
        if (generation.get() != generationAtStart) {
            // An eviction ran while we stored: this tile may show the old data.
            remove(key);
        }
        trim();
    }

    /** Replaces a cached tile by a richer copy of itself (its gzip variant added), if it is still cached. */
    void upgrade(TileRequest.TileKey key, Tile cached, Tile richer) {
        if (tiles.replace(key, cached, richer)) {
            bytes.addAndGet(richer.size() - cached.size());
            trim();
        }
    }

    /** Evicts every tile of the matching tilesets whose area (with buffer) touches one of the envelopes. */
    int evict(Predicate<String> tileset, Envelope... lonLat) {
        generation.incrementAndGet();
        int evicted = 0;
        for (TileRequest.TileKey key : tiles.keySet()) {
            if (tileset.test(key.tileset()) && touches(key, lonLat) && remove(key)) {
                evicted++;
            }
        }
        return evicted;
    }

    int size() {
        return tiles.size();
    }

    long bytes() {
        return bytes.get();
    }

    private static boolean touches(TileRequest.TileKey key, Envelope... lonLat) {
        TileMatrixSet tms = TileMatrixSet.byId(key.tms()).orElseThrow();
        Envelope area = tms.lonLatEnvelope(key.z(), key.x(), key.y(), 2 * Generalisation.bufferShare());
        for (Envelope e : lonLat) {
            if (e != null && area.intersects(e)) {
                return true;
            }
        }
        return false;
    }

    private boolean remove(TileRequest.TileKey key) {
        Tile gone = tiles.remove(key);
        if (gone != null) {
            bytes.addAndGet(-gone.size());
            return true;
        }
        return false;
    }

    private void trim() {
        if (queued.get() > 2L * maxEntries + 1000) {
            // Evicted keys stay queued; drop them now and then so the queue stays as bounded as the cache.
            synchronized (order) {
                order.removeIf(k -> !tiles.containsKey(k));
                queued.set(order.size());
            }
        }
        while (bytes.get() > maxBytes || tiles.size() > maxEntries) {
            TileRequest.TileKey oldest = order.poll();
            if (oldest == null) {
                return;
            }
            queued.decrementAndGet();
            remove(oldest);
        }
    }
}
