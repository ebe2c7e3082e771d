package org.wufei.gis.crs;

import org.locationtech.jts.geom.Geometry;

/**
 * Converts between WGS 84 and the offset coordinates of Chinese consumer maps: GCJ-02 (Amap, Tencent) and BD-09
 * (Baidu).
 *
 * <p>The forward formulas are the widely published public-domain ones. Their inverses have no closed form, so they
 * are solved by fixed-point iteration to about 1e-10° (sub-millimetre). Outside the rough China box that the
 * formulas use, the offsets are the identity, as in the consumer maps themselves.
 */
public final class ChineseMapOffsets {

    // Krasovsky 1940 parameters, as the GCJ-02 formula uses them.
    private static final double A = 6378245.0;
    private static final double EE = 0.00669342162296594323;
    private static final double X_PI = Math.PI * 3000.0 / 180.0;
    private static final double TOLERANCE_DEG = 1e-10;
    private static final int MAX_ITERATIONS = 30;

    private ChineseMapOffsets() {
    }

    /** Whether the offsets apply here (the bounding box the published formulas test). */
    public static boolean outOfChina(double lon, double lat) {
        return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
    }

    /** WGS 84 → GCJ-02, as {lon, lat}. */
    public static double[] wgs84ToGcj02(double lon, double lat) {
        if (outOfChina(lon, lat)) {
            return new double[] {lon, lat};
        }
        double dLat = offsetLat(lon - 105.0, lat - 35.0);
        double dLon = offsetLon(lon - 105.0, lat - 35.0);
        double radLat = Math.toRadians(lat);
        double magic = Math.sin(radLat);
        magic = 1 - EE * magic * magic;
        double sqrtMagic = Math.sqrt(magic);
        dLat = (dLat * 180.0) / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI);
        dLon = (dLon * 180.0) / (A / sqrtMagic * Math.cos(radLat) * Math.PI);
        return new double[] {lon + dLon, lat + dLat};
    }

    /** GCJ-02 → WGS 84 by iteration, as {lon, lat}. */
    public static double[] gcj02ToWgs84(double lon, double lat) {
        if (outOfChina(lon, lat)) {
            return new double[] {lon, lat};
        }
        return invert(lon, lat, false);
    }

    /** GCJ-02 → BD-09, as {lon, lat}. */
    public static double[] gcj02ToBd09(double lon, double lat) {
        double z = Math.sqrt(lon * lon + lat * lat) + 0.00002 * Math.sin(lat * X_PI);
        double theta = Math.atan2(lat, lon) + 0.000003 * Math.cos(lon * X_PI);
        return new double[] {z * Math.cos(theta) + 0.0065, z * Math.sin(theta) + 0.006};
    }

    /** BD-09 → GCJ-02 by iteration (the usual closed-form inverse is off by up to a few centimetres), as {lon, lat}. */
    public static double[] bd09ToGcj02(double lon, double lat) {
        return invert(lon, lat, true);
    }

    /** WGS 84 → BD-09, as {lon, lat}; BD-09 is defined on top of GCJ-02. */
    public static double[] wgs84ToBd09(double lon, double lat) {
        double[] gcj = wgs84ToGcj02(lon, lat);
        return gcj02ToBd09(gcj[0], gcj[1]);
    }

    /** BD-09 → WGS 84, as {lon, lat}. */
    public static double[] bd09ToWgs84(double lon, double lat) {
        double[] gcj = bd09ToGcj02(lon, lat);
        return gcj02ToWgs84(gcj[0], gcj[1]);
    }

    /** A copy of the geometry with every coordinate converted from GCJ-02 to WGS 84 (SRID 4326). */
    public static Geometry gcj02ToWgs84(Geometry g) {
        return PointMapping.apply(g, 4326, ChineseMapOffsets::gcj02ToWgs84);
    }

    /** A copy of the geometry with every coordinate converted from WGS 84 to GCJ-02 (SRID 0: not an EPSG system). */
    public static Geometry wgs84ToGcj02(Geometry g) {
        return PointMapping.apply(g, 0, ChineseMapOffsets::wgs84ToGcj02);
    }

    /** A copy of the geometry with every coordinate converted from BD-09 to WGS 84 (SRID 4326). */
    public static Geometry bd09ToWgs84(Geometry g) {
        return PointMapping.apply(g, 4326, ChineseMapOffsets::bd09ToWgs84);
    }

    /** A copy of the geometry with every coordinate converted from WGS 84 to BD-09 (SRID 0: not an EPSG system). */
    public static Geometry wgs84ToBd09(Geometry g) {
        return PointMapping.apply(g, 0, ChineseMapOffsets::wgs84ToBd09);
    }

    /**
     * Solves forward(p) = target for p. The offsets change by well under 1 % per degree, so the map
     * p ↦ p + (target − forward(p)) is a strong contraction and converges in a handful of steps.
     */
    private static double[] invert(double lon, double lat, boolean bd09) {
        double x = lon;
        double y = lat;
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            double[] f = bd09 ? gcj02ToBd09(x, y) : wgs84ToGcj02(x, y);
            double dx = lon - f[0];
            double dy = lat - f[1];
            x += dx;
            y += dy;
            if (Math.abs(dx) < TOLERANCE_DEG && Math.abs(dy) < TOLERANCE_DEG) {
                break;
            }
        }
        return new double[] {x, y};
    }

    private static double offsetLat(double x, double y) {
        double ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
        ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        return ret;
    }

    private static double offsetLon(double x, double y) {
        double ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
        ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        return ret;
    }
}
