package org.wufei.gis.tiles;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.wufei.gis.common.http.ETags;
import org.wufei.gis.tiles.encode.Generalisation;
import org.wufei.gis.tiles.encode.TileDetail;
import org.wufei.gis.tiles.encode.TileEncoder;
import org.wufei.gis.tiles.encode.TileSql;

/** Serves tiles: from the cache when present, otherwise encoded by the database's encoder and cached. */
@Component
class Tiles {
    private final TileCache cache;
    private final TileEncoder encoder;
    private final JdbcClient jdbc;
    /** Tiles below this size are sent as they are: gzip would save less than a network packet. */
    static final int GZIP_ABOVE = 1400;

    private final int aggregateAbove;

    Tiles(TileCache cache, TileEncoder encoder, JdbcClient jdbc, TilesProperties properties) {
        this.cache = cache;
        this.encoder = encoder;
        this.jdbc = jdbc;
        this.aggregateAbove = properties.aggregateAbove();
    }

    /** The tile, from the cache or encoded now; with its gzip variant when {@code gzip} and worth it. */
    TileCache.Tile tile(TileRequest request, boolean gzip) {
        TileRequest.TileKey key = request.key();
        TileCache.Tile cached = cached(key, gzip);
        if (cached != null) {
            return cached;
        }
        long generation = cache.generation();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // Concatenated MVT messages are one message holding all their layers (protobuf merge of a repeated field).
        for (TileLayer layer : request.layers()) {
            out.writeBytes(encoder.encode(layer, request, detail(layer, request)));
        }
        byte[] bytes = out.toByteArray();
        TileCache.Tile tile = new TileCache.Tile(bytes, ETags.of(bytes), gzip ? gzipped(bytes) : null);
        cache.put(key, tile, generation);
        return tile;
    }

    /**
     * The cached tile under this key, or null. When the client takes gzip and the tile has no gzip variant yet,
     * it is compressed now, once, and cached with it.
     */
    TileCache.Tile cached(TileRequest.TileKey key, boolean gzip) {
        TileCache.Tile cached = cache.get(key);
        if (cached == null || !gzip || cached.gzip() != null || cached.bytes().length < GZIP_ABOVE) {
            return cached;
        }
        TileCache.Tile richer = new TileCache.Tile(cached.bytes(), cached.etag(), gzipped(cached.bytes()));
        cache.upgrade(key, cached, richer);
        return richer;
    }

    /** gzip at its fastest level (a third of the MVT size for site tiles, ~10 ms per MB); null for small tiles. */
    private static byte[] gzipped(byte[] bytes) {
        if (bytes.length < GZIP_ABOVE) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 8192) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private TileDetail detail(TileLayer layer, TileRequest request) {
        return Generalisation.detail(layer, request.z(), () -> {
            TileSql.Query q = TileSql.countUpTo(layer, request, aggregateAbove);
            return jdbc.sql(q.sql()).params(q.params()).query(Long.class).single() > aggregateAbove;
        });
    }
}
