package org.wufei.gis.tiles.encode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.wufei.gis.tiles.encode.TileDetail;
import org.wufei.gis.tiles.TileLayer;
import org.wufei.gis.tiles.TileRequest;
import org.wufei.gis.tiles.encode.TileSql;

/**
 * The PostGIS fast path: ST_AsMVT/ST_AsMVTGeom build the tile inside the database. Each tile query runs in a
 * read-only transaction with {@code SET LOCAL jit = off}: PostgreSQL JIT-compiled every dense tile query (1.5 s of
 * one 3 s zoom-11 tile at 1,000,000 sites) for a query that runs once per tile and is then cached.
 */
public class PostgisTileEncoder implements TileEncoder {
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    public PostgisTileEncoder(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setReadOnly(true);
    }

    @Override
    public byte[] encode(TileLayer layer, TileRequest request, TileDetail detail) {
        TileSql.Query q = TileSql.postgisMvt(layer, request, detail);
        byte[] tile = tx.execute(status -> {
            jdbc.sql("SET LOCAL jit = off").update();
            return jdbc.sql(q.sql()).params(q.params()).query((rs, n) -> rs.getBytes(1)).single();
        });
        return tile == null ? new byte[0] : tile;
    }
}
