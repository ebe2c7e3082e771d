package org.wufei.gis.imports.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKTReader;

/** The quick answer is JTS's answer, on rings made to touch, cross, fold back and repeat themselves. */
class SimpleRingTest {
    private static final GeometryFactory GF = new GeometryFactory();

    @Test
    void agreesWithJtsOnRandomRingsOnACoarseGrid() {
        Random random = new Random(11);
        int quick = 0;
        int invalid = 0;
        for (int i = 0; i < 50_000; i++) {
            Polygon p = gridRing(random);
            boolean jts = p.isValid();
            assertThat(SimpleRing.isValid(p)).as("%s", p).isEqualTo(jts);
            quick += SimpleRing.isSimple(p.getExteriorRing().getCoordinateSequence()) ? 1 : 0;
            invalid += jts ? 0 : 1;
        }
        assertThat(quick).isGreaterThan(5_000);
        assertThat(invalid).isGreaterThan(5_000);
    }

    @Test
    void agreesWithJtsOnStarShapedRingsAtDistrictCoordinates() {
        Random random = new Random(5);
        for (int i = 0; i < 20_000; i++) {
            Polygon p = starRing(random);
            assertThat(SimpleRing.isValid(p)).as("%s", p).isEqualTo(p.isValid());
        }
    }

    @Test
    void touchingFoldingAndTooFewDistinctPointsAreNotSimple() throws Exception {
        WKTReader wkt = new WKTReader();
        String[] notSimple = {
            "POLYGON ((0 0, 2 0, 2 2, 1 0, 0 2, 0 0))",        // touches itself at a vertex
            "POLYGON ((0 0, 2 2, 2 0, 0 2, 0 0))",             // bow tie
            "POLYGON ((0 0, 2 0, 1 0, 1 1, 0 0))",             // folds back along its first edge
            "POLYGON ((0 0, 1 0, 2 0, 0 0))",                  // collinear, no area
            "POLYGON ((0 0, 1 0, 1 0, 1 1, 0 0))",             // repeated point: left to JTS
        };
        for (String s : notSimple) {
            Polygon p = (Polygon) wkt.read(s);
            assertThat(SimpleRing.isSimple(p.getExteriorRing().getCoordinateSequence())).as(s).isFalse();
            assertThat(SimpleRing.isValid(p)).as(s).isEqualTo(p.isValid());
        }
        Polygon fine = (Polygon) wkt.read("POLYGON ((0 0, 2 0, 2 2, 1 3, 0 2, 0 0))");
        assertThat(SimpleRing.isSimple(fine.getExteriorRing().getCoordinateSequence())).isTrue();
    }

    @Test
    void convexRingsAreSimpleAndRingsThatGoRoundTwiceAreNot() {
        Random random = new Random(17);
        for (int i = 0; i < 20_000; i++) {
            double cx = 110.2 + random.nextDouble() * 0.1;
            double cy = 40.7 + random.nextDouble() * 0.1;
            int n = 3 + random.nextInt(10);
            boolean twice = random.nextBoolean() && n >= 5 && n % 2 == 1; // a pentagram and its kin
            double[] angles = new double[n];
            for (int k = 0; k < n; k++) {
                angles[k] = twice ? 4 * Math.PI * k / n : random.nextDouble() * 2 * Math.PI;
            }
            if (!twice) {
                java.util.Arrays.sort(angles);
            }
            Coordinate[] c = new Coordinate[n + 1];
            double rx = 0.0001 + random.nextDouble() * 0.01;
            double ry = 0.0001 + random.nextDouble() * 0.01;
            boolean clockwise = random.nextBoolean();
            for (int k = 0; k < n; k++) {
                double a = clockwise ? -angles[k] : angles[k];
                c[k] = new Coordinate(cx + rx * Math.cos(a), cy + ry * Math.sin(a));
            }
            c[n] = c[0].copy();
            Polygon p = GF.createPolygon(c);
            assertThat(SimpleRing.isValid(p)).as("%s", p).isEqualTo(p.isValid());
            if (twice) {
                assertThat(SimpleRing.isSimple(p.getExteriorRing().getCoordinateSequence())).as("%s", p).isFalse();
            }
        }
    }

    /** 4–9 points on a 4×4 grid, closed: many cross, touch or run along each other. */
    private static Polygon gridRing(Random random) {
        int n = 3 + random.nextInt(6);
        Coordinate[] c = new Coordinate[n + 1];
        for (int i = 0; i < n; i++) {
            c[i] = new Coordinate(random.nextInt(4), random.nextInt(4));
        }
        c[n] = c[0].copy();
        return GF.createPolygon(c);
    }

    /** A ring around a district point whose angles are sorted most of the time (simple) and shuffled otherwise. */
    private static Polygon starRing(Random random) {
        double cx = 110.2 + random.nextDouble() * 0.01;
        double cy = 40.7 + random.nextDouble() * 0.01;
        int n = 3 + random.nextInt(12);
        double[] angles = new double[n];
        for (int i = 0; i < n; i++) {
            angles[i] = random.nextDouble() * 2 * Math.PI;
        }
        if (random.nextInt(4) > 0) {
            java.util.Arrays.sort(angles);
        }
        Coordinate[] c = new Coordinate[n + 1];
        for (int i = 0; i < n; i++) {
            double r = 0.0002 + random.nextDouble() * 0.0008;
            c[i] = new Coordinate(cx + r * Math.cos(angles[i]), cy + r * Math.sin(angles[i]));
        }
        c[n] = c[0].copy();
        return GF.createPolygon(c);
    }
}
