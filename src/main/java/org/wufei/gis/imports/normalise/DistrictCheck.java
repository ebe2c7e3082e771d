package org.wufei.gis.imports.normalise;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.wufei.gis.common.District;
import org.wufei.gis.crs.PointMapping;
import org.wufei.gis.imports.read.ImportException;

/**
 * Whether coordinates fall in the configured district (its bounding box grown by a margin in metres), and when they
 * do not, whether they would with latitude and longitude swapped — the commonest mistake in hand-made tables.
 */
public final class DistrictCheck {
    private final Envelope allowed;
    private final District district;

    public DistrictCheck(District district, double marginMetres) {
        this.district = district;
        double dLat = marginMetres / 111_320.0;
        Envelope e = district.envelope();
        double dLon = dLat / Math.cos(Math.toRadians(e.centre().y));
        this.allowed = new Envelope(e.getMinX() - dLon, e.getMaxX() + dLon, e.getMinY() - dLat, e.getMaxY() + dLat);
    }

    /** The district's box grown by the margin: every geometry that passes {@link #check} lies in it. */
    Envelope allowed() {
        return new Envelope(allowed);
    }

    public boolean inside(Geometry wgs84) {
        return allowed.contains(wgs84.getEnvelopeInternal());
    }

    public boolean swappedInside(Geometry wgs84) {
        Envelope e = wgs84.getEnvelopeInternal();
        return allowed.contains(new Envelope(e.getMinY(), e.getMaxY(), e.getMinX(), e.getMaxX()));
    }

    /** Degrees in whichever axis order puts them in the district (the other order if only it does). */
    public Geometry inAxisOrder(Geometry degrees) {
        if (inside(degrees) || !swappedInside(degrees)) {
            return degrees;
        }
        return PointMapping.apply(degrees, degrees.getSRID(), (x, y) -> new double[] {y, x});
    }

    /** Refuses a feature outside the district, saying when swapping latitude and longitude would fix it. */
    void check(long index, Geometry wgs84) {
        if (inside(wgs84)) {
            return;
        }
        throw swappedInside(wgs84) ? swapped(index) : outside(index, wgs84);
    }

    public ImportException swapped(Long index) {
        return new ImportException("coordinates_swapped", "geometry",
                "坐标的经纬度顺序似乎颠倒了：交换后才落在" + district.name() + "内。请按“经度, 纬度”提供坐标。",
                "Latitude and longitude seem swapped: only swapped do the coordinates fall in " + district.nameEn()
                        + ". Send longitude first.", index, null);
    }

    ImportException outside(Long index, Geometry wgs84) {
        Coordinate c = wgs84.getEnvelopeInternal().centre();
        String at = String.format("%.5f, %.5f", c.x, c.y);
        return new ImportException("outside_district", "geometry",
                "位置（" + at + "）不在" + district.name() + "范围内；若坐标不是 WGS84 经纬度，请用 crs 参数说明坐标系。",
                "Location (" + at + ") is outside " + district.nameEn()
                        + "; if the coordinates are not WGS 84 lon/lat, name their system with the crs parameter.",
                index, null);
    }
}
