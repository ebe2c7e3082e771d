package org.wufei.gis.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * The SQL pieces of one collection, built once from its allow-listed names, and the reading of one feature from a
 * result row: id, version, the properties in collection order, then the geometry (WKB, or CRS84 GeoJSON text).
 */
record CollectionSql(String select, String from, String baseWhere, List<Object> baseParams,
        List<Property> properties, String id, String geom) {
    private static final String BOX = "ST_MakeEnvelope(?, ?, ?, ?, 4326)";
    /** A single table, optionally with an alias: {@code site s}, {@code township}. */
    private static final Pattern ONE_TABLE = Pattern.compile("[a-z_][a-z0-9_]*( [a-z_][a-z0-9_]*)?");

    /** How a row's geometry is read. */
    enum GeometryRead { NONE, WKB, GEOJSON_CRS84 }

    static CollectionSql of(TableSpec t) {
        StringBuilder select = new StringBuilder(t.idColumn());
        select.append(", ").append(t.versionColumn() == null ? "NULL" : t.versionColumn());
        for (Property p : t.properties()) {
            select.append(", ").append(p.sqlColumn());
        }
        String where = t.fixedWhere() == null ? "1 = 1" : "(" + t.fixedWhere() + ")";
        return new CollectionSql(select.toString(), t.fromSql(), where, t.fixedParams(), t.properties(),
                t.idColumn(), t.geometryColumn());
    }

    /**
     * The name the collection's columns are qualified with when the FROM clause is one table (its alias, or the
     * table itself), so that a subquery over that table can stand in for it; null for anything else.
     */
    String singleTableAlias() {
        if (!ONE_TABLE.matcher(from).matches()) {
            return null;
        }
        return from.substring(from.lastIndexOf(' ') + 1);
    }

    /** The geometry column of the select list, as the read asks for it (empty for none). */
    String geometryColumn(GeometryRead read) {
        return switch (read) {
            case NONE -> "";
            case WKB -> ", ST_AsBinary(" + geom + ")";
            // 7 decimals as the Java writer's (about 1 cm); PostGIS leaves out trailing zeros as JTS does
            case GEOJSON_CRS84 -> ", ST_AsGeoJSON(" + geom + ", 7)";
        };
    }

    /** The request's order with the id last, so that pages are stable. */
    String order(ItemsRequest request) {
        return request.orderBySql().isEmpty() ? id : request.orderBySql() + ", " + id;
    }

    /** The collection's condition, the request's boxes and filter; their values are appended to {@code params}. */
    String where(ItemsRequest request, List<Object> params) {
        StringBuilder where = new StringBuilder(baseWhere);
        if (!request.boxes().isEmpty()) {
            List<String> any = new ArrayList<>();
            for (Envelope e : request.boxes()) {
                any.add("(" + geom + " && " + BOX + " AND ST_Intersects(" + geom + ", " + BOX + "))");
                for (int i = 0; i < 2; i++) {
                    params.add(e.getMinX());
                    params.add(e.getMinY());
                    params.add(e.getMaxX());
                    params.add(e.getMaxY());
                }
            }
            where.append(" AND (").append(String.join(" OR ", any)).append(')');
        }
        if (request.whereSql() != null && !request.whereSql().isBlank()) {
            where.append(" AND (").append(request.whereSql()).append(')');
            params.addAll(request.params());
        }
        return where.toString();
    }

    /** The feature of the current row, with the wanted properties only. */
    FeatureRow row(ResultSet rs, List<String> wanted, GeometryRead read) throws SQLException {
        Map<String, Object> props = new LinkedHashMap<>();
        for (int i = 0; i < properties.size(); i++) {
            Property p = properties.get(i);
            if (wanted.contains(p.name())) {
                props.put(p.name(), SqlValues.value(rs.getObject(i + 3), p.type()));
            }
        }
        int geometryIndex = properties.size() + 3;
        Object version = rs.getObject(2);
        Long v = version == null ? null : ((Number) version).longValue();
        return switch (read) {
            case NONE -> new FeatureRow(rs.getLong(1), props, null, v);
            case WKB -> new FeatureRow(rs.getLong(1), props, geometry(rs, geometryIndex), v);
            case GEOJSON_CRS84 -> new FeatureRow(rs.getLong(1), props, null, v, rs.getString(geometryIndex));
        };
    }

    private static Geometry geometry(ResultSet rs, int index) throws SQLException {
        byte[] wkb = rs.getBytes(index);
        if (wkb == null) {
            return null;
        }
        try {
            Geometry g = new WKBReader().read(wkb);
            g.setSRID(4326);
            return g;
        } catch (ParseException e) {
            throw new IllegalStateException("unreadable geometry of feature " + rs.getLong(1), e);
        }
    }
}
