package org.wufei.gis.ogc.filter;

import org.locationtech.jts.geom.Geometry;
import org.wufei.gis.ogc.filter.Cql2Expression.SpatialOp;

/** Writes spatial predicates for one database; geometries always travel as bound WKT with their SRID. */
public interface SpatialDialect {

    /** Storage SRID of every geometry column (lon/lat order). */
    int STORAGE_SRID = 4326;

    /** Default metric CRS: CGCS2000 3-degree Gauss-Kruger CM 111E, the district's local projection. */
    int DEFAULT_METRIC_EPSG = 4546;

    /** {@code op(column, geometry)} for a geometry already in storage coordinates. */
    SqlFilter spatial(SpatialOp op, String column, Geometry storageGeometry);

    /** Rows whose geometry lies within {@code metres} of the geometry, measured on the ground. */
    SqlFilter dwithin(String column, Geometry storageGeometry, double metres);

    static String function(SpatialOp op) {
        return switch (op) {
            case INTERSECTS -> "ST_Intersects";
            case WITHIN -> "ST_Within";
            case CONTAINS -> "ST_Contains";
            case DISJOINT -> "ST_Disjoint";
            case EQUALS -> "ST_Equals";
            case TOUCHES -> "ST_Touches";
            case OVERLAPS -> "ST_Overlaps";
            case CROSSES -> "ST_Crosses";
        };
    }

    static String wkt(Geometry g) {
        return new org.locationtech.jts.io.WKTWriter(2).write(g);
    }
}
