package org.wufei.gis.crs;

/** Distance on the WGS 84 ellipsoid for accuracy assertions, measured in metres rather than degrees. */
final class Distances {

    private Distances() {
    }

    /**
     * Metres between two nearby lon/lat points, using the ellipsoid's meridian and normal radii; exact to well
     * under a millimetre for the sub-kilometre separations the tests measure.
     */
    static double metres(double lon1, double lat1, double lon2, double lat2) {
        double a = 6378137.0;
        double e2 = 0.00669437999014;
        double phi = Math.toRadians((lat1 + lat2) / 2);
        double w = Math.sqrt(1 - e2 * Math.sin(phi) * Math.sin(phi));
        double meridian = a * (1 - e2) / (w * w * w);
        double normal = a / w;
        double dy = Math.toRadians(lat2 - lat1) * meridian;
        double dx = Math.toRadians(lon2 - lon1) * normal * Math.cos(phi);
        return Math.hypot(dx, dy);
    }
}
