package org.wufei.gis.crs;

import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.locationtech.jts.algorithm.Area;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.impl.PackedCoordinateSequence;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.proj4j.BasicCoordinateTransform;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.Proj4jException;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Transforms JTS geometries between the supported coordinate reference systems; the one place that talks to proj4j.
 *
 * <p>Coordinates are always handled as x = longitude or easting, y = latitude or northing (GeoJSON order), whatever
 * axis order the EPSG definition declares; {@link #isLatLonAxisOrder(int)} and {@link #isNorthEastAxisOrder(int)}
 * tell writers of authority-ordered output (OGC API Features Part 2) when to swap. Thread-safe: instances can be
 * shared, e.g. as a singleton bean.
 */
public class CrsRegistry {

    private static final int SAMPLES_PER_EDGE = 16;
    private static final int MAX_POOLED = 8;
    private static final GeometryFactory PLAIN = new GeometryFactory();

    /** proj4j transforms keep scratch state, so each is used by one thread at a time and then returned. */
    private final ConcurrentHashMap<Long, Queue<CoordinateTransform>> pools = new ConcurrentHashMap<>();

    /** Whether the EPSG code is one this service transforms. */
    public boolean isSupported(int epsg) {
        return EpsgCatalogue.isSupported(epsg);
    }

    /** Every supported EPSG code, ascending. */
    public Set<Integer> supportedCodes() {
        Set<Integer> codes = new TreeSet<>();
        EpsgCatalogue.entries().forEach(e -> codes.add(e.code()));
        return codes;
    }

    /** Whether the code is a geographic (degrees) system rather than a projected (metres) one. */
    public boolean isGeographic(int epsg) {
        requireSupported(epsg);
        return EpsgCatalogue.isGeographic(epsg);
    }

    /**
     * Whether EPSG defines the code with latitude first (4326, 4490, 4610, 4214). CRS84 is longitude first and is not
     * an EPSG code.
     */
    public boolean isLatLonAxisOrder(int epsg) {
        return isGeographic(epsg);
    }

    /**
     * Whether EPSG defines the code with its north axis first: the geographic systems and also every Chinese
     * Gauss-Krüger system (4491–4554, Xian 1980, Beijing 1954 use EPSG coordinate system 4530: X northing, Y
     * easting). Only 3857 is easting first among the supported codes.
     */
    public boolean isNorthEastAxisOrder(int epsg) {
        requireSupported(epsg);
        return EpsgCatalogue.entry(epsg).orElseThrow().kind() != EpsgCatalogue.Kind.WEB_MERCATOR;
    }

    /** The geometry in WGS 84 longitude/latitude (SRID 4326), whatever it was declared in. */
    public Geometry toWgs84(Geometry g, SourceCrs from) {
        return transform(g, from, SourceCrs.CRS84);
    }

    /**
     * Like {@link #toWgs84}, for a geometry the caller owns and will not use otherwise: input already in WGS 84 is
     * checked and returned itself (SRID 4326) instead of copied.
     */
    public Geometry toWgs84Owned(Geometry g, SourceCrs from) {
        if (isOffset(from) || from.datumEpsg() != 4326) {
            return toWgs84(g, from);
        }
        checkedDegrees(g, from);
        g.setSRID(4326);
        return g;
    }

    /**
     * The area of a geometry's polygons measured in another system, projecting each point on the way instead of
     * building the projected geometry (0 for points and lines); equal to {@code transform(g, from, to).getArea()}.
     */
    public double projectedArea(Geometry g, int fromEpsg, int toEpsg) {
        requireSupported(fromEpsg);
        requireSupported(toEpsg);
        if (EpsgCatalogue.isGeographic(fromEpsg)) {
            checkedDegrees(g, SourceCrs.epsg(fromEpsg));
        }
        long key = key(fromEpsg, toEpsg);
        CoordinateTransform t = fromEpsg == toEpsg ? null : borrow(key, fromEpsg, toEpsg);
        try {
            ProjCoordinate in = new ProjCoordinate();
            ProjCoordinate out = new ProjCoordinate();
            double area = 0;
            for (Object o : PolygonExtracter.getPolygons(g)) {
                Polygon p = (Polygon) o;
                area += ringArea(p.getExteriorRing().getCoordinateSequence(), t, in, out);
                for (int i = 0; i < p.getNumInteriorRing(); i++) {
                    area -= ringArea(p.getInteriorRingN(i).getCoordinateSequence(), t, in, out);
                }
            }
            return area;
        } catch (Proj4jException | IllegalArgumentException | ArithmeticException e) {
            throw CrsException.transformFailed("EPSG:" + fromEpsg, "EPSG:" + toEpsg, e);
        } finally {
            if (t != null) {
                release(key, t);
            }
        }
    }

    /** Area of a closed ring after projecting each point (JTS's ring area over the projected coordinates). */
    private static double ringArea(CoordinateSequence ring, CoordinateTransform t, ProjCoordinate in,
            ProjCoordinate out) {
        int n = ring.size();
        double[] xy = new double[2 * n];
        for (int i = 0; i < n; i++) {
            in.setValue(ring.getX(i), ring.getY(i));
            if (t == null) {
                out.setValue(in.x, in.y);
            } else {
                t.transform(in, out);
            }
            if (!Double.isFinite(out.x) || !Double.isFinite(out.y)) {
                throw new IllegalArgumentException("non-finite result for " + in.x + ", " + in.y);
            }
            xy[2 * i] = out.x;
            xy[2 * i + 1] = out.y;
        }
        return Area.ofRing(new PackedCoordinateSequence.Double(xy, 2, 0));
    }

    /** The WGS 84 (SRID 4326) geometry in the requested system; GCJ-02 and BD-09 results carry SRID 0. */
    public Geometry fromWgs84(Geometry wgs84, SourceCrs to) {
        return transform(wgs84, SourceCrs.CRS84, to);
    }

    /** Transforms between any two supported systems, consumer-map offsets included. */
    public Geometry transform(Geometry g, SourceCrs from, SourceCrs to) {
        if (!isOffset(from) && !isOffset(to)) {
            return transform(g, from.datumEpsg(), to.datumEpsg());
        }
        Geometry wgs84;
        if (from == SourceCrs.GCJ02) {
            wgs84 = ChineseMapOffsets.gcj02ToWgs84(checkedDegrees(g, from));
        } else if (from == SourceCrs.BD09) {
            wgs84 = ChineseMapOffsets.bd09ToWgs84(checkedDegrees(g, from));
        } else {
            wgs84 = transform(g, from.datumEpsg(), 4326);
        }
        if (to == SourceCrs.GCJ02) {
            return ChineseMapOffsets.wgs84ToGcj02(wgs84);
        }
        if (to == SourceCrs.BD09) {
            return ChineseMapOffsets.wgs84ToBd09(wgs84);
        }
        return transform(wgs84, 4326, to.datumEpsg());
    }

    /**
     * Transforms a geometry from one EPSG code to another; the result is a new geometry with SRID {@code toEpsg}.
     *
     * @throws CrsException {@code crs_unknown} for unsupported codes, {@code crs_transform_failed} when coordinates
     *         do not fit the source system (e.g. metres declared as degrees) or cannot be projected
     */
    public Geometry transform(Geometry g, int fromEpsg, int toEpsg) {
        requireSupported(fromEpsg);
        requireSupported(toEpsg);
        if (EpsgCatalogue.isGeographic(fromEpsg)) {
            checkedDegrees(g, SourceCrs.epsg(fromEpsg));
        }
        if (fromEpsg == toEpsg) {
            return PointMapping.copy(g, toEpsg);
        }
        long key = key(fromEpsg, toEpsg);
        CoordinateTransform t = borrow(key, fromEpsg, toEpsg);
        try {
            ProjCoordinate in = new ProjCoordinate();
            ProjCoordinate out = new ProjCoordinate();
            return PointMapping.apply(g, toEpsg, (x, y) -> {
                in.setValue(x, y);
                t.transform(in, out);
                if (!Double.isFinite(out.x) || !Double.isFinite(out.y)) {
                    throw new IllegalArgumentException("non-finite result for " + x + ", " + y);
                }
                return new double[] {out.x, out.y};
            });
        } catch (Proj4jException | IllegalArgumentException | ArithmeticException e) {
            throw CrsException.transformFailed("EPSG:" + fromEpsg, "EPSG:" + toEpsg, e);
        } finally {
            release(key, t);
        }
    }

    /** Transforms one point (x = lon/easting, y = lat/northing); returns {x, y}. */
    public double[] transform(double x, double y, int fromEpsg, int toEpsg) {
        Geometry p = PLAIN.createPoint(new Coordinate(x, y));
        Geometry r = transform(p, fromEpsg, toEpsg);
        return new double[] {r.getCoordinate().x, r.getCoordinate().y};
    }

    /**
     * The bounding box of a transformed envelope, sampling every edge so that curved edges (e.g. a projected box
     * seen in degrees) are covered; for bbox filters, which are evaluated in the storage system.
     */
    public Envelope transform(Envelope e, int fromEpsg, int toEpsg) {
        if (e.isNull()) {
            return new Envelope();
        }
        var coords = new Coordinate[4 * SAMPLES_PER_EDGE + 1];
        for (int i = 0; i < SAMPLES_PER_EDGE; i++) {
            double f = (double) i / SAMPLES_PER_EDGE;
            coords[i] = new Coordinate(e.getMinX() + f * e.getWidth(), e.getMinY());
            coords[SAMPLES_PER_EDGE + i] = new Coordinate(e.getMaxX(),
                    e.getMinY() + f * e.getHeight());
            coords[2 * SAMPLES_PER_EDGE + i] = new Coordinate(
                    e.getMaxX() - f * e.getWidth(), e.getMaxY());
            coords[3 * SAMPLES_PER_EDGE + i] = new Coordinate(e.getMinX(),
                    e.getMaxY() - f * e.getHeight());
        }
        coords[4 * SAMPLES_PER_EDGE] = coords[0];
        return transform(PLAIN.createLineString(coords), fromEpsg, toEpsg).getEnvelopeInternal();
    }

    private static boolean isOffset(SourceCrs crs) {
        return crs == SourceCrs.GCJ02 || crs == SourceCrs.BD09;
    }

    private static void requireSupported(int epsg) {
        if (!EpsgCatalogue.isSupported(epsg)) {
            throw CrsException.unknown("EPSG:" + epsg);
        }
    }

    /** Degrees out of range almost always mean projected metres sent with a geographic label. */
    private static Geometry checkedDegrees(Geometry g, SourceCrs crs) {
        Envelope env = g.getEnvelopeInternal();
        if (!env.isNull() && (env.getMinX() < -180 || env.getMaxX() > 180 || env.getMinY() < -90
                || env.getMaxY() > 90)) {
            throw CrsException.transformFailed(crs.label(), "EPSG:4326",
                    new IllegalArgumentException("coordinates outside longitude/latitude range: " + env));
        }
        return g;
    }

    private static long key(int from, int to) {
        return ((long) from << 32) | (to & 0xffffffffL);
    }

    private CoordinateTransform borrow(long key, int from, int to) {
        CoordinateTransform t = pools.computeIfAbsent(key, k -> new ConcurrentLinkedQueue<>()).poll();
        return t != null ? t : new BasicCoordinateTransform(EpsgCatalogue.proj4(from), EpsgCatalogue.proj4(to));
    }

    private void release(long key, CoordinateTransform t) {
        Queue<CoordinateTransform> pool = pools.get(key);
        if (pool.size() < MAX_POOLED) {
            pool.offer(t);
        }
    }
}
