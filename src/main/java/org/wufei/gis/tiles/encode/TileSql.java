package org.wufei.gis.tiles.encode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.wufei.gis.tiles.TileLayer;
import org.wufei.gis.tiles.TileMatrixSet;
import org.wufei.gis.tiles.TileRequest;

/**
 * All tile SQL in one place. The row query (features of one layer in one tile, generalised by zoom) is the same
 * text on both databases; PostGIS wraps it in ST_AsMVT, H2GIS hands its rows to the Java encoder. Identifiers
 * come from {@link TileLayer}s built in code; every value (z, x, y, envelope, status) is bound.
 */
public final class TileSql {
    /** SQL text with its bound values in order. */
    public record Query(String sql, List<Object> params) {
    }

    private TileSql() {
    }

    /** Counts up to {@code limit} + 1 features of the layer in the tile, to choose plain or aggregated rows. */
    public static Query countUpTo(TileLayer layer, TileRequest r, int limit) {
        List<Object> params = new ArrayList<>();
        String where = where(layer, r, params);
        params.add(limit + 1);
        return new Query("SELECT COUNT(*) FROM (SELECT 1 FROM " + layer.spec().fromSql() + " WHERE " + where
                + " LIMIT ?) c", params);
    }

    /** Features of the layer touching the tile (plus buffer), as rows of properties and a 4326 {@code geom}. */
    static Query rows(TileLayer layer, TileRequest r, TileDetail detail) {
        return switch (detail) {
            case FEATURES -> plain(layer, r);
            case PIXELS -> thinned(layer, r);
            case CELLS -> aggregated(layer, r);
        };
    }

    private static Query plain(TileLayer layer, TileRequest r) {
        List<Object> params = new ArrayList<>();
        String g = layer.geom();
        String geom = g;
        if (Generalisation.pointsForSmallPolygons(r.z())) {
            Envelope tile = r.tms().lonLatEnvelope(r.z(), r.x(), r.y(), 0);
            double share = (double) Generalisation.POINT_BELOW_PIXELS / TileMatrixSet.TILE_PIXELS;
            geom = ("CASE WHEN ST_Dimension(G) = 2 AND ST_XMax(G) - ST_XMin(G) < ? AND ST_YMax(G) - ST_YMin(G) < ?"
                    + " THEN ST_PointOnSurface(G) ELSE G END").replace("G", g);
            params.add(tile.getWidth() * share);
            params.add(tile.getHeight() * share);
        }
        String where = where(layer, r, params);
        return new Query("SELECT " + layer.selectList() + ", " + geom + " AS geom FROM " + layer.spec().fromSql()
                + " WHERE " + where, params);
    }

    /** One point per grid cell and status; id and kind are those of the cell's lowest id. */
    private static Query aggregated(TileLayer layer, TileRequest r) {
        List<Object> params = new ArrayList<>();
        Envelope tile = r.tms().lonLatEnvelope(r.z(), r.x(), r.y(), 0);
        params.add(tile.getWidth() / Generalisation.CELLS_PER_SIDE);
        params.add(tile.getHeight() / Generalisation.CELLS_PER_SIDE);
        String where = where(layer, r, params);
        String g = layer.geom();
        StringBuilder props = new StringBuilder();
        for (String p : layer.properties(TileDetail.CELLS)) {
            props.append("f.").append(p).append(", ");
        }
        String sql = """
                SELECT %s g.n AS count, ST_SetSRID(ST_MakePoint(g.ax, g.ay), 4326) AS geom
                FROM (SELECT MIN(id) AS id, COUNT(*) AS n, AVG(cx) AS ax, AVG(cy) AS ay
                      FROM (SELECT %s AS id, %s AS status, (ST_XMin(G) + ST_XMax(G)) / 2 AS cx,
                                   (ST_YMin(G) + ST_YMax(G)) / 2 AS cy,
                                   FLOOR((ST_XMin(G) + ST_XMax(G)) / 2 / ?) AS gx,
                                   FLOOR((ST_YMin(G) + ST_YMax(G)) / 2 / ?) AS gy
                            FROM %s WHERE %s) c
                      GROUP BY status, gx, gy) g
                JOIN (SELECT %s FROM %s) f ON f.id = g.id""".replace("G)", g + ")")
                .formatted(props, layer.spec().idColumn(), layer.statusColumn(), layer.spec().fromSql(), where,
                        layer.selectList(TileDetail.CELLS), layer.spec().fromSql());
        return new Query(sql, params);
    }

    /**
     * The point of the lowest id of each status in each tile-aligned cell of {@link TileDetail#PIXELS}, with its
     * own overview properties and {@code merged}, in id order (the order plain rows come in). Window functions rather
     * than a join back on the lowest ids: PostgreSQL joined tens of thousands of cells by scanning the whole table.
     */
    private static Query thinned(TileLayer layer, TileRequest r) {
        List<Object> params = new ArrayList<>();
        Envelope tile = r.tms().lonLatEnvelope(r.z(), r.x(), r.y(), 0);
        params.add(tile.getMinX());
        params.add(tile.getWidth() / TileDetail.PIXELS.cellsPerSide());
        params.add(tile.getMinY());
        params.add(tile.getHeight() / TileDetail.PIXELS.cellsPerSide());
        String where = where(layer, r, params);
        String g = layer.geom();
        String props = String.join(", ", layer.properties(TileDetail.PIXELS));
        String sql = """
                SELECT %s, n AS merged, geom
                FROM (SELECT c.*, ROW_NUMBER() OVER (PARTITION BY status, gx, gy ORDER BY id) AS rn,
                             COUNT(*) OVER (PARTITION BY status, gx, gy) AS n
                      FROM (SELECT %s, G AS geom, FLOOR(((ST_XMin(G) + ST_XMax(G)) / 2 - ?) / ?) AS gx,
                                   FLOOR(((ST_YMin(G) + ST_YMax(G)) / 2 - ?) / ?) AS gy
                            FROM %s WHERE %s) c) w
                WHERE rn = 1 ORDER BY id""".replace("G)", g + ")").replace("G AS", g + " AS")
                .formatted(props, layer.selectList(TileDetail.PIXELS), layer.spec().fromSql(), where);
        return new Query(sql, params);
    }

    private static String where(TileLayer layer, TileRequest r, List<Object> params) {
        StringBuilder sql = new StringBuilder();
        if (layer.spec().whereSql() != null) {
            sql.append("(").append(layer.spec().whereSql()).append(") AND ");
            params.addAll(layer.spec().params());
        }
        if (layer.siteCollection() && !r.statuses().isEmpty()) {
            sql.append(layer.statusColumn()).append(" IN (").append(String.join(", ", Collections.nCopies(r.statuses().size(), "?")))
                    .append(") AND ");
            params.addAll(r.statuses());
        }
        Envelope e = r.tms().lonLatEnvelope(r.z(), r.x(), r.y(), Generalisation.bufferShare());
        sql.append(layer.geom()).append(" && ST_MakeEnvelope(?, ?, ?, ?, 4326)");
        params.add(e.getMinX());
        params.add(e.getMinY());
        params.add(e.getMaxX());
        params.add(e.getMaxY());
        return sql.toString();
    }

    /** PostGIS: the layer's rows encoded by ST_AsMVT, one layer named after the collection. */
    public static Query postgisMvt(TileLayer layer, TileRequest r, TileDetail detail) {
        Query rows = rows(layer, r, detail);
        List<Object> params = new ArrayList<>();
        params.add(layer.id());
        String envelope;
        String geom;
        if (r.tms().mercator()) {
            envelope = "ST_TileEnvelope(?, ?, ?)";
            geom = "ST_Transform(r.geom, 3857)";
            params.add(r.z());
            params.add((int) r.x());
            params.add((int) r.y());
        } else {
            Envelope e = r.tms().tileEnvelope(r.z(), r.x(), r.y());
            envelope = "ST_MakeEnvelope(?, ?, ?, ?, 4326)";
            geom = "r.geom";
            params.add(e.getMinX());
            params.add(e.getMinY());
            params.add(e.getMaxX());
            params.add(e.getMaxY());
        }
        params.addAll(rows.params());
        StringBuilder props = new StringBuilder();
        for (String p : layer.properties(detail)) {
            props.append("r.").append(p).append(", ");
        }
        if (detail.countProperty() != null) {
            props.append("r.").append(detail.countProperty()).append(", ");
        }
        String sql = "SELECT ST_AsMVT(t, ?::text, " + Generalisation.EXTENT + ", 'geom', 'fid') FROM (SELECT r.id AS fid, "
                + props + "ST_AsMVTGeom(" + geom + ", " + envelope + ", " + Generalisation.EXTENT + ", "
                + Generalisation.BUFFER + ", true) AS geom FROM (" + rows.sql() + ") r) t WHERE t.geom IS NOT NULL";
        return new Query(sql, params);
    }
}
