package org.wufei.gis.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/** The clipped shared area equals the overlay's on every pair where one polygon is convex. */
class ConvexClipTest {
    private static final GeometryFactory GF = new GeometryFactory();

    @Test
    void agreesWithTheOverlayOnRandomConvexAndConcavePairsAtDistrictCoordinates() {
        Random random = new Random(7);
        int clipped = 0;
        for (int i = 0; i < 20_000; i++) {
            Polygon a = randomPolygon(random, random.nextBoolean());
            Polygon b = randomPolygon(random, random.nextBoolean());
            double expected = OverlayNGRobust.overlay(a, b, OverlayNG.INTERSECTION).getArea();
            double area = ConvexClip.intersectionArea(a, b);
            if (Double.isNaN(area)) {
                assertThat(ConvexClip.convexTurn(a.getExteriorRing().getCoordinateSequence())).isZero();
                assertThat(ConvexClip.convexTurn(b.getExteriorRing().getCoordinateSequence())).isZero();
                continue;
            }
            clipped++;
            assertThat(area).as("%s %s", a, b).isCloseTo(expected, within(1e-9 * a.getArea() + 1e-18));
        }
        assertThat(clipped).isGreaterThan(12_000);
    }

    @Test
    void answersNotANumberForHolesAndTwoConcaveShapesAndZeroForDisjointOrTouching() throws Exception {
        WKTReader wkt = new WKTReader();
        Geometry square = wkt.read("POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0))");
        Geometry touching = wkt.read("POLYGON ((2 0, 4 0, 4 2, 2 2, 2 0))");
        Geometry clockwise = wkt.read("POLYGON ((1 1, 1 3, 3 3, 3 1, 1 1))");
        Geometry holed = wkt.read("POLYGON ((0 0, 9 0, 9 9, 0 9, 0 0), (1 1, 2 1, 2 2, 1 2, 1 1))");
        Geometry ell = wkt.read("POLYGON ((0 0, 3 0, 3 1, 1 1, 1 3, 0 3, 0 0))");
        Geometry otherEll = wkt.read("POLYGON ((0.5 0.5, 3 0.5, 3 2, 2 2, 2 3, 0.5 3, 0.5 0.5))");
        assertThat(ConvexClip.intersectionArea(square, touching)).isZero();
        assertThat(ConvexClip.intersectionArea(square, clockwise)).isCloseTo(1.0, within(1e-12));
        assertThat(ConvexClip.intersectionArea(ell, square)).isCloseTo(3.0, within(1e-12));
        assertThat(ConvexClip.intersectionArea(square, holed)).isNaN();
        assertThat(ConvexClip.intersectionArea(ell, otherEll)).isNaN();
    }

    /** A star-shaped ring around a district point (convex when its radii are equal), either orientation. */
    private static Polygon randomPolygon(Random random, boolean convex) {
        double cx = 110.2 + random.nextDouble() * 0.001;
        double cy = 40.7 + random.nextDouble() * 0.001;
        int n = 3 + random.nextInt(8);
        double r = 0.0001 + random.nextDouble() * 0.0005;
        double start = random.nextDouble() * Math.PI;
        Coordinate[] ring = new Coordinate[n + 1];
        for (int i = 0; i < n; i++) {
            double angle = start + 2 * Math.PI * i / n;
            double radius = convex ? r : r * (0.3 + random.nextDouble() * 0.7);
            ring[i] = new Coordinate(cx + radius * Math.cos(angle), cy + radius * Math.sin(angle));
        }
        ring[n] = ring[0].copy();
        Polygon p = GF.createPolygon(ring);
        return random.nextBoolean() ? p : p.reverse();
    }
}
