package org.wufei.gis.imports.normalise;

import org.locationtech.jts.algorithm.LineIntersector;
import org.locationtech.jts.algorithm.RobustLineIntersector;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * JTS validity for the common upload, a polygon with one small ring and no holes, answered by testing the ring's
 * segments pairwise with JTS's own robust intersector instead of building {@code IsValidOp}'s noding index and
 * topology analysis for a handful of segments (a fifth of the reading thread). Such a polygon is valid exactly when
 * its ring is simple: adjacent segments meet only at their shared vertex and no other two segments meet at all,
 * which is the test {@code PolygonIntersectionAnalyzer} applies. Anything else, or any doubt (repeated points, more
 * than {@link #MAX_POINTS} points), is left to {@link Geometry#isValid()}, so the answer is always JTS's.
 *
 * <p><b>Hand-written instead of the library ({@code IsValidOp}) because:</b> validity is checked for every uploaded
 * polygon. <b>Gain:</b> IsValidOp was 20-30 % of the reading thread's samples, this test 6-11 % (docs/benchmarks.md,
 * "Validity of simple rings"; commit dd8940d); the reading thread runs beside the batch thread, so the gain on a
 * whole import was not isolated and may be under the 10 % rule: re-measure before the next change here.
 * <b>Held equal to the library by</b> {@code SimpleRingTest} (70,000 random rings against IsValidOp).
 */
final class SimpleRing {
    /** Beyond this the pairwise test (quadratic) stops paying; JTS's index takes over. */
    static final int MAX_POINTS = 32;

    private SimpleRing() {
    }

    static boolean isValid(Geometry g) {
        if (g instanceof Polygon p && p.getNumInteriorRing() == 0 && !p.isEmpty()
                && isSimple(p.getExteriorRing().getCoordinateSequence())) {
            return true;
        }
        return g.isValid();
    }

    /** True when the closed ring is certainly simple; false when it is not or when this test cannot tell. */
    static boolean isSimple(CoordinateSequence ring) {
        int n = ring.size();
        if (n < 4 || n > MAX_POINTS) {
            return false;
        }
        Coordinate[] p = new Coordinate[n];
        for (int i = 0; i < n; i++) {
            p[i] = ring.getCoordinate(i);
            if (!Double.isFinite(p[i].x) || !Double.isFinite(p[i].y) || i > 0 && p[i].equals2D(p[i - 1])) {
                return false;
            }
        }
        if (!p[0].equals2D(p[n - 1])) {
            return false;
        }
        int segments = n - 1;
        LineIntersector li = new RobustLineIntersector();
        for (int i = 0; i < segments - 1; i++) {
            for (int j = i + 1; j < segments; j++) {
                li.computeIntersection(p[i], p[i + 1], p[j], p[j + 1]);
                boolean adjacent = j == i + 1 || i == 0 && j == segments - 1;
                if (adjacent ? li.getIntersectionNum() != 1 || li.isInteriorIntersection() : li.hasIntersection()) {
                    return false;
                }
            }
        }
        return true;
    }
}
