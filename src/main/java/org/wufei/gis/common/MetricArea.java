package org.wufei.gis.common;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.GeometryTransformer;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;
import org.locationtech.jts.geom.CoordinateSequence;

/** Areas in square metres, measured in the district's metric CRS (never degrees as metres). */
public final class MetricArea {
    private final String crsName;
    private final ThreadLocal<CoordinateTransform> toMetric;

    public MetricArea(int metricEpsg) {
        CRSFactory crs = new CRSFactory();
        var wgs84 = crs.createFromName("EPSG:4326");
        var metric = crs.createFromName("EPSG:" + metricEpsg);
        this.crsName = "EPSG:" + metricEpsg;
        // proj4j transforms keep scratch state: one per thread.
        this.toMetric = ThreadLocal.withInitial(() -> new CoordinateTransformFactory().createTransform(wgs84, metric));
    }

    public String crsName() {
        return crsName;
    }

    /** Area of a lon/lat geometry in m²; 0 for points and lines. */
    public double areaM2(Geometry lonLat) {
        if (lonLat == null || lonLat.getDimension() < 2) {
            return 0;
        }
        return toMetric(lonLat).getArea();
    }

    public Geometry toMetric(Geometry lonLat) {
        CoordinateTransform t = toMetric.get();
        return new GeometryTransformer() {
            @Override
            protected CoordinateSequence transformCoordinates(CoordinateSequence coords, Geometry parent) {
                Coordinate[] out = new Coordinate[coords.size()];
                ProjCoordinate src = new ProjCoordinate();
                ProjCoordinate dst = new ProjCoordinate();
                for (int i = 0; i < coords.size(); i++) {
                    src.x = coords.getX(i);
                    src.y = coords.getY(i);
                    t.transform(src, dst);
                    out[i] = new Coordinate(dst.x, dst.y);
                }
                return factory.getCoordinateSequenceFactory().create(out);
            }
        }.transform(lonLat);
    }
}
