package org.wufei.gis.tiles;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Serves tiles: from the cache when present, otherwise encoded by the database's encoder and cached. */
@Component
class Tiles {
    private final TileCache cache;
    private final TileEncoder encoder;
    private final JdbcClient jdbc;
    private final int aggregateAbove;

    Tiles(TileCache cache, TileEncoder encoder, JdbcClient jdbc, TilesProperties properties) {
        this.cache = cache;
        this.encoder = encoder;
        this.jdbc = jdbc;
        this.aggregateAbove = properties.aggregateAbove();
    }

    TileCache.Tile tile(TileRequest request) {
        TileRequest.TileKey key = request.key();
        TileCache.Tile cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        long generation = cache.generation();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // Concatenated MVT messages are one message holding all their layers (protobuf merge of a repeated field).
        for (TileLayer layer : request.layers()) {
            out.writeBytes(encoder.encode(layer, request, aggregate(layer, request)));
        }
        byte[] bytes = out.toByteArray();
        TileCache.Tile tile = new TileCache.Tile(bytes, etag(bytes));
        cache.put(key, tile, generation);
        return tile;
    }

    private boolean aggregate(TileLayer layer, TileRequest request) {
        if (!Generalisation.mayAggregate(layer, request.z())) {
            return false;
        }
        TileSql.Query q = TileSql.countUpTo(layer, request, aggregateAbove);
        return jdbc.sql(q.sql()).params(q.params()).query(Long.class).single() > aggregateAbove;
    }

    static String etag(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
