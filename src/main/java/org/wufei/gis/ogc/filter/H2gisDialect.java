package org.wufei.gis.ogc.filter;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.wufei.gis.ogc.filter.Cql2Expression.SpatialOp;

/**
 * Spatial predicates for H2GIS, which uses its spatial index only through the {@code &&} operator, so every
 * predicate that implies overlapping envelopes gets an explicit {@code &&} pre-filter.
 */
public final class H2gisDialect implements SpatialDialect {

    /** Shortest ground length of one degree of latitude (at the equator), so the envelope is never too small. */
    private static final double MIN_METRES_PER_DEGREE_LAT = 110_574.0;
    private static final double METRES_PER_DEGREE_LON_AT_EQUATOR = 111_320.0;
    /** Covers the Gauss-Kruger scale error and rounding; a larger envelope costs only a few extra candidates. */
    private static final double SAFETY = 1.05;

    private final int metricEpsg;

    public H2gisDialect() {
        this(DEFAULT_METRIC_EPSG);
    }

    public H2gisDialect(int metricEpsg) {
        this.metricEpsg = metricEpsg;
    }

    public int metricEpsg() {
        return metricEpsg;
    }

    @Override
    public SqlFilter spatial(SpatialOp op, String column, Geometry g) {
        String geom = "ST_GeomFromText(?, " + STORAGE_SRID + ")";
        String predicate = SpatialDialect.function(op) + "(" + column + ", " + geom + ")";
        String wkt = SpatialDialect.wkt(g);
        if (op == SpatialOp.DISJOINT) {
            return SqlFilter.of(predicate, wkt);
        }
        return SqlFilter.of("(" + column + " && " + geom + " AND " + predicate + ")", wkt, wkt);
    }

    @Override
    public SqlFilter dwithin(String column, Geometry g, double metres) {
        String sql = "(" + column + " && ST_GeomFromText(?, " + STORAGE_SRID + ") AND ST_DWithin(ST_Transform("
                + column + ", " + metricEpsg + "), ST_Transform(ST_GeomFromText(?, " + STORAGE_SRID + "), "
                + metricEpsg + "), ?))";
        return SqlFilter.of(sql, SpatialDialect.wkt(expandedEnvelope(g, metres)), SpatialDialect.wkt(g), metres);
    }

    /** The geometry's envelope grown by the distance in degrees, generously, at the latitude farthest from 0. */
    static Geometry expandedEnvelope(Geometry g, double metres) {
        Envelope e = g.getEnvelopeInternal();
        double dLat = metres * SAFETY / MIN_METRES_PER_DEGREE_LAT;
        double farthestLat = Math.min(89.0, Math.max(Math.abs(e.getMinY()), Math.abs(e.getMaxY())) + dLat);
        double dLon = Math.min(360.0, metres * SAFETY
                / (METRES_PER_DEGREE_LON_AT_EQUATOR * Math.cos(Math.toRadians(farthestLat))));
        Envelope grown = new Envelope(e.getMinX() - dLon, e.getMaxX() + dLon,
                Math.max(-90, e.getMinY() - dLat), Math.min(90, e.getMaxY() + dLat));
        return Literals.GEOMETRY_FACTORY.toGeometry(grown);
    }
}
