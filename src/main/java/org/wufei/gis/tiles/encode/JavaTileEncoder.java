package org.wufei.gis.tiles.encode;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.IUserDataConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.JtsAdapter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtEncoder;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import io.github.sebasbaumh.mapbox.vectortile.build.MvtLayerParams;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wufei.gis.tiles.encode.Generalisation;
import org.wufei.gis.tiles.encode.TileDetail;
import org.wufei.gis.tiles.TileLayer;
import org.wufei.gis.tiles.TileMatrixSet;
import org.wufei.gis.tiles.TileRequest;
import org.wufei.gis.tiles.encode.TileSql;

/**
 * The H2GIS path: the same row query as PostGIS, encoded in Java with mapbox-vector-tile-java, with the same
 * extent, buffer, clipping and properties as ST_AsMVT so both databases give the same tile contents.
 */
public class JavaTileEncoder implements TileEncoder {
    private static final MvtLayerParams PARAMS = new MvtLayerParams(Generalisation.EXTENT);
    private static final IUserDataConverter TAGS = (userData, props, feature) -> {
        @SuppressWarnings("unchecked")
        Map<String, Object> values = (Map<String, Object>) userData;
        Object id = values.get("id");
        if (id instanceof Number n) {
            feature.setId(n.longValue());
        }
        values.forEach((k, v) -> {
            if (v != null) {
                feature.addTags(props.addKey(k));
                feature.addTags(props.addValue(v));
            }
        });
    };

    private final JdbcClient jdbc;
    private final GeometryFactory factory = new GeometryFactory();

    public JavaTileEncoder(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public byte[] encode(TileLayer layer, TileRequest r, TileDetail detail) {
        TileSql.Query rows = TileSql.rows(layer, r, detail);
        List<String> properties = new ArrayList<>(layer.properties(detail));
        if (detail.countProperty() != null) {
            properties.add(detail.countProperty());
        }
        Envelope tile = r.tms().tileEnvelope(r.z(), r.x(), r.y());
        double margin = tile.getWidth() * Generalisation.bufferShare();
        Envelope clip = new Envelope(tile.getMinX() - margin, tile.getMaxX() + margin,
                tile.getMinY() - margin, tile.getMaxY() + margin);
        List<Geometry> features = new ArrayList<>();
        String sql = "SELECT r.*, ST_AsBinary(r.geom) AS wkb FROM (" + rows.sql() + ") r";
        jdbc.sql(sql).params(rows.params()).query((ResultSet rs) -> {
            Geometry g = toTileCrs(read(rs.getBytes("wkb")), r.tms());
            Geometry tileGeom = JtsAdapter.createTileGeom(g, tile, clip, factory, PARAMS, null);
            if (tileGeom == null || tileGeom.isEmpty()) {
                return;
            }
            Map<String, Object> values = values(rs, properties);
            tileGeom.setUserData(values);
            for (int i = 0; i < tileGeom.getNumGeometries(); i++) {
                tileGeom.getGeometryN(i).setUserData(values);
            }
            features.add(tileGeom);
        });
        if (features.isEmpty()) {
            return new byte[0];
        }
        return MvtEncoder.encode(new JtsMvt(new JtsLayer(layer.id(), features, Generalisation.EXTENT)), PARAMS, TAGS);
    }

    private static Map<String, Object> values(ResultSet rs, List<String> properties) throws SQLException {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String p : properties) {
            Object v = rs.getObject(p);
            if (v instanceof Integer i) {
                v = i.longValue();
            } else if (v instanceof java.math.BigDecimal d) {
                v = d.longValue();
            }
            values.put(p, v);
        }
        return values;
    }

    private Geometry read(byte[] wkb) throws SQLException {
        try {
            return new WKBReader(factory).read(wkb);
        } catch (ParseException e) {
            throw new SQLException("Unreadable geometry in tile rows", e);
        }
    }

    private static Geometry toTileCrs(Geometry g, TileMatrixSet tms) {
        if (!tms.mercator()) {
            return g;
        }
        g.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                seq.setOrdinate(i, 0, TileMatrixSet.WebMercator.x(seq.getX(i)));
                seq.setOrdinate(i, 1, TileMatrixSet.WebMercator.y(seq.getY(i)));
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        return g;
    }
}
