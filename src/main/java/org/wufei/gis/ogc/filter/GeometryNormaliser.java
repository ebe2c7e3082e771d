package org.wufei.gis.ogc.filter;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * Brings a filter geometry from the request's filter-crs into storage coordinates (EPSG:4326, lon/lat order).
 *
 * <p>The CRS package implements the real one; this package only knows the two encodings of WGS 84 it needs for
 * its own tests and for callers without the CRS package.
 */
@FunctionalInterface
public interface GeometryNormaliser {

    /** Stand-in code for OGC CRS84 (WGS 84, lon/lat), which has no EPSG code; EPSG codes start above 1000. */
    int CRS84 = 84;

    /** EPSG:4326 as EPSG defines it: latitude first. */
    int EPSG_4326 = 4326;

    Geometry toStorage(Geometry geometry, int filterCrsEpsg);

    /** Accepts CRS84 as is and EPSG:4326 with its axes swapped; any other CRS is refused. */
    static GeometryNormaliser wgs84Only() {
        return (geometry, crs) -> {
            if (crs == CRS84) {
                return geometry;
            }
            if (crs == EPSG_4326) {
                Geometry swapped = geometry.copy();
                swapped.apply((org.locationtech.jts.geom.CoordinateFilter) GeometryNormaliser::swap);
                swapped.geometryChanged();
                return swapped;
            }
            throw Cql2Exception.keyed(Cql2Exception.CRS_UNSUPPORTED, "cql2.filter_crs", String.valueOf(crs));
        };
    }

    private static void swap(Coordinate c) {
        double x = c.x;
        c.x = c.y;
        c.y = x;
    }
}
