package org.wufei.gis.tiles;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The PostGIS fast path: ST_AsMVT/ST_AsMVTGeom build the tile inside the database. */
class PostgisTileEncoder implements TileEncoder {
    private final JdbcClient jdbc;

    PostgisTileEncoder(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public byte[] encode(TileLayer layer, TileRequest request, TileDetail detail) {
        TileSql.Query q = TileSql.postgisMvt(layer, request, detail);
        byte[] tile = jdbc.sql(q.sql()).params(q.params()).query((rs, n) -> rs.getBytes(1)).single();
        return tile == null ? new byte[0] : tile;
    }
}
