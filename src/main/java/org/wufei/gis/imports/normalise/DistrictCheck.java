package org.wufei.gis.imports.normalise;

import org.wufei.gis.common.Texts;
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
                Texts.zh("import.coordinates_swapped", district.name()),
                Texts.en("import.coordinates_swapped", district.nameEn()), index, null);
    }

    ImportException outside(Long index, Geometry wgs84) {
        Coordinate c = wgs84.getEnvelopeInternal().centre();
        String at = String.format("%.5f, %.5f", c.x, c.y);
        return new ImportException("outside_district", "geometry",
                Texts.zh("import.outside_district", at, district.name()),
                Texts.en("import.outside_district", at, district.nameEn()), index, null);
    }
}
