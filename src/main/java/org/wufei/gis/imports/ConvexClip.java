package org.wufei.gis.imports;

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
 */
final class ConvexClip {

    private ConvexClip() {
    }

    /** The shared area in the coordinates' units squared, or NaN when neither polygon is convex and hole-free. */
    static double intersectionArea(Geometry a, Geometry b) {
        return intersectionArea(a, convexTurn(a), b, convexTurn(b));
    }

    /** As {@link #intersectionArea(Geometry, Geometry)}, with each polygon's {@link #convexTurn(Geometry)} known. */
    static double intersectionArea(Geometry a, int turnA, Geometry b, int turnB) {
        if (!(a instanceof Polygon pa) || !(b instanceof Polygon pb) || pa.getNumInteriorRing() > 0
                || pb.getNumInteriorRing() > 0) {
            return Double.NaN;
        }
        CoordinateSequence sa = pa.getExteriorRing().getCoordinateSequence();
        CoordinateSequence sb = pb.getExteriorRing().getCoordinateSequence();
        if (turnB != 0) {
            return clippedArea(sa, sb, turnB);
        }
        return turnA != 0 ? clippedArea(sb, sa, turnA) : Double.NaN;
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

    private static double clippedArea(CoordinateSequence subject, CoordinateSequence convex, int turn) {
        int n = subject.size() - 1;
        int m = convex.size() - 1;
        double[] in = new double[2 * (n + m + 1) * 2];
        double[] out = new double[in.length];
        int count = n;
        for (int i = 0; i < n; i++) {
            in[2 * i] = subject.getX(i);
            in[2 * i + 1] = subject.getY(i);
        }
        for (int e = 0; e < m && count > 0; e++) {
            double ax = convex.getX(e);
            double ay = convex.getY(e);
            double dx = convex.getX(e + 1) - ax;
            double dy = convex.getY(e + 1) - ay;
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
