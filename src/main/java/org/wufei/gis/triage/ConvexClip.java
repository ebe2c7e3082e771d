package org.wufei.gis.triage;

import java.util.Arrays;
import org.locationtech.jts.algorithm.Area;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.impl.PackedCoordinateSequence;

/**
 * The area two polygons share, without an overlay, when one of them is a convex polygon without holes (screening
 * boxes and most digitised heaps are): the other polygon's shell is clipped against each edge of the convex one
 * (Sutherland–Hodgman). Clipping a simple polygon, convex or not, by a convex one leaves a ring whose signed area is
 * the area of the intersection; where the subject is concave the ring may run along itself, which adds no area.
 * O(n·m) on coordinates, no allocation beyond two arrays; JTS's OverlayNG builds a topology graph per pair and
 * cost a third of an import's time. Other shapes answer {@link Double#NaN}, and the caller overlays.
 *
 * <p><b>Hand-written instead of the library (JTS OverlayNG) because:</b> triage intersects every detection with
 * its candidates. <b>Gain:</b> overlays were about a third of an import's CPU; the clip costs a small fraction of
 * one (docs/imports.md, triage; commits a4cf9be, ab16ae0), well over 10 % of the whole import. Anything not convex
 * and hole-free still goes through OverlayNG. <b>Held equal to the library by</b> {@code ConvexClipTest} (20,000
 * random convex and concave pairs, areas within 1e-9 of OverlayNG's).
 */
final class ConvexClip {

    private ConvexClip() {
    }

    /** The shared area in the coordinates' units squared, or NaN when neither polygon is convex and hole-free. */
    static double intersectionArea(Geometry a, Geometry b) {
        double[] sa = shell(a);
        double[] sb = shell(b);
        return sa == null || sb == null ? Double.NaN : intersectionArea(sa, convexTurn(a), sb, convexTurn(b));
    }

    /**
     * A hole-free polygon's closed shell as x, y pairs (the packed sequence's own array when it has one, not to be
     * changed), or null for any other geometry.
     */
    static double[] shell(Geometry g) {
        if (!(g instanceof Polygon p) || p.isEmpty() || p.getNumInteriorRing() > 0) {
            return null;
        }
        CoordinateSequence ring = p.getExteriorRing().getCoordinateSequence();
        if (ring instanceof PackedCoordinateSequence.Double packed && packed.getDimension() == 2) {
            return packed.getRawCoordinates();
        }
        double[] xy = new double[2 * ring.size()];
        for (int i = 0; i < ring.size(); i++) {
            xy[2 * i] = ring.getX(i);
            xy[2 * i + 1] = ring.getY(i);
        }
        return xy;
    }

    /**
     * The area two hole-free polygons share, given their closed shells as x, y pairs and their
     * {@link #convexTurn(CoordinateSequence)}s; NaN when neither is convex.
     */
    static double intersectionArea(double[] a, int turnA, double[] b, int turnB) {
        if (turnB != 0) {
            return clippedArea(a, b, turnB);
        }
        return turnA != 0 ? clippedArea(b, a, turnA) : Double.NaN;
    }

    /** The shell's {@link #convexTurn(CoordinateSequence)} of a polygon without holes; 0 for anything else. */
    static int convexTurn(Geometry g) {
        return g instanceof Polygon p && p.getNumInteriorRing() == 0
                ? convexTurn(p.getExteriorRing().getCoordinateSequence()) : 0;
    }

    /** +1 when the closed ring turns only left (counter-clockwise), -1 only right, 0 when not convex. */
    static int convexTurn(CoordinateSequence ring) {
        int n = ring.size() - 1; // closed: the last point repeats the first
        if (n < 3) {
            return 0;
        }
        int sign = 0;
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            int k = (i + 2) % n;
            double cross = (ring.getX(j) - ring.getX(i)) * (ring.getY(k) - ring.getY(j))
                    - (ring.getY(j) - ring.getY(i)) * (ring.getX(k) - ring.getX(j));
            int s = cross > 0 ? 1 : cross < 0 ? -1 : 0;
            if (s != 0) {
                if (sign != 0 && s != sign) {
                    return 0;
                }
                sign = s;
            }
        }
        return sign;
    }

    /** Clips the closed ring {@code subject} by the convex closed ring {@code convex}; both as x, y pairs. */
    private static double clippedArea(double[] subject, double[] convex, int turn) {
        int n = subject.length / 2 - 1;
        int m = convex.length / 2 - 1;
        double[] in = new double[2 * (n + m + 1) * 2];
        double[] out = new double[in.length];
        int count = n;
        System.arraycopy(subject, 0, in, 0, 2 * n);
        for (int e = 0; e < m && count > 0; e++) {
            double ax = convex[2 * e];
            double ay = convex[2 * e + 1];
            double dx = convex[2 * e + 2] - ax;
            double dy = convex[2 * e + 3] - ay;
            int kept = 0;
            if (out.length < 2 * (2 * count)) {
                out = new double[4 * count];
            }
            double px = in[2 * (count - 1)];
            double py = in[2 * (count - 1) + 1];
            double ps = turn * (dx * (py - ay) - dy * (px - ax));
            for (int i = 0; i < count; i++) {
                double cx = in[2 * i];
                double cy = in[2 * i + 1];
                double cs = turn * (dx * (cy - ay) - dy * (cx - ax));
                if (cs >= 0) {
                    if (ps < 0) {
                        double t = ps / (ps - cs);
                        out[2 * kept] = px + t * (cx - px);
                        out[2 * kept + 1] = py + t * (cy - py);
                        kept++;
                    }
                    out[2 * kept] = cx;
                    out[2 * kept + 1] = cy;
                    kept++;
                } else if (ps >= 0) {
                    double t = ps / (ps - cs);
                    out[2 * kept] = px + t * (cx - px);
                    out[2 * kept + 1] = py + t * (cy - py);
                    kept++;
                }
                px = cx;
                py = cy;
                ps = cs;
            }
            double[] swap = in;
            in = out;
            out = swap;
            count = kept;
        }
        if (count < 3) {
            return 0;
        }
        double[] ring = Arrays.copyOf(in, 2 * count + 2); // closed, as JTS's ring area wants it
        ring[2 * count] = ring[0];
        ring[2 * count + 1] = ring[1];
        return Area.ofRing(new PackedCoordinateSequence.Double(ring, 2, 0));
    }
}
