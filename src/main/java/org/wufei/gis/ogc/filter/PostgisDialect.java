package org.wufei.gis.ogc.filter;

import org.locationtech.jts.geom.Geometry;
import org.wufei.gis.ogc.filter.Cql2Expression.SpatialOp;

/** Spatial predicates for PostGIS, whose planner uses the GiST index for ST_* predicates by itself. */
public final class PostgisDialect implements SpatialDialect {

    private final int metricEpsg;

    public PostgisDialect() {
        this(DEFAULT_METRIC_EPSG);
    }

    /** The metric CRS is unused here (distances go through geography) but kept for symmetry with H2GIS. */
    public PostgisDialect(int metricEpsg) {
        this.metricEpsg = metricEpsg;
    }

    public int metricEpsg() {
        return metricEpsg;
    }

    @Override
    public SqlFilter spatial(SpatialOp op, String column, Geometry g) {
        return SqlFilter.of(SpatialDialect.function(op) + "(" + column + ", ST_GeomFromText(?, " + STORAGE_SRID + "))",
                SpatialDialect.wkt(g));
    }

    @Override
    public SqlFilter dwithin(String column, Geometry g, double metres) {
        // geography measures on the spheroid, so metres are metres anywhere; the GiST index on geom is not used
        // through the cast unless a geography expression index exists.
        return SqlFilter.of("ST_DWithin(" + column + "::geography, ST_GeomFromText(?, " + STORAGE_SRID
                + ")::geography, ?)", SpatialDialect.wkt(g), metres);
    }
}
