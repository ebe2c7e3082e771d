package org.wufei.gis.crs;

import org.locationtech.jts.geom.Geometry;

/**
 * The local projected system in which areas, lengths and buffers are measured in metres (EPSG:4546, CGCS2000
 * 3-degree Gauss-Krüger CM 111E, by default); never degrees taken as metres.
 *
 * <p>Within a 3° zone the Gauss-Krüger scale error is under about 1.4 × 10⁻⁴ (0.014 %), so lengths and areas agree
 * with geodesic ones to that order; for the reference district it is about 5 × 10⁻⁵.
 */
public class MetricCrs {

    public static final int DEFAULT_EPSG = 4546;

    private final CrsRegistry registry;
    private final int epsg;

    public MetricCrs(CrsRegistry registry) {
        this(registry, DEFAULT_EPSG);
    }

    /**
     * @param epsg a supported Gauss-Krüger code; Web Mercator is refused because its scale error (1/cos φ, about
     *        30 % here) would make every area wrong
     */
    public MetricCrs(CrsRegistry registry, int epsg) {
        EpsgCatalogue.Entry entry = EpsgCatalogue.entry(epsg)
                .orElseThrow(() -> CrsException.unknown("EPSG:" + epsg));
        if (entry.kind() != EpsgCatalogue.Kind.TRANSVERSE_MERCATOR) {
            throw new IllegalArgumentException("EPSG:" + epsg + " is not a Gauss-Krüger system in metres");
        }
        this.registry = registry;
        this.epsg = epsg;
    }

    public int epsg() {
        return epsg;
    }

    /** The WGS 84 (lon/lat) geometry in the metric system, SRID set to {@link #epsg()}. */
    public Geometry toMetric(Geometry wgs84) {
        return registry.transform(wgs84, 4326, epsg);
    }

    /** A geometry in the metric system back in WGS 84 lon/lat, SRID 4326. */
    public Geometry fromMetric(Geometry metric) {
        return registry.transform(metric, epsg, 4326);
    }

    /** Area in square metres of a WGS 84 geometry (0 for points and lines). */
    public double areaM2(Geometry wgs84) {
        return registry.projectedArea(wgs84, 4326, epsg);
    }

    /** Length in metres of a WGS 84 geometry (perimeter for polygons, 0 for points). */
    public double lengthM(Geometry wgs84) {
        return toMetric(wgs84).getLength();
    }
}
