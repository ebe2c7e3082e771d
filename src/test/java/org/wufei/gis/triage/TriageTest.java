package org.wufei.gis.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.wufei.gis.crs.CrsRegistry;
import org.wufei.gis.crs.MetricCrs;

class TriageTest {
    private static final double M = 1 / 111_320.0;
    private final MetricCrs metric = new MetricCrs(new CrsRegistry());
    private final Triage triage = new Triage(new TriageRules(null, null, null, null, null, null), metric);

    private static Geometry square(double eastM, double northM, double side) {
        double cx = 110.3 + eastM * M / Math.cos(Math.toRadians(40.7));
        double cy = 40.7 + northM * M;
        double hx = side / 2 * M / Math.cos(Math.toRadians(40.7));
        double hy = side / 2 * M;
        return Triage.WGS84.toGeometry(new org.locationtech.jts.geom.Envelope(cx - hx, cx + hx, cy - hy,
                cy + hy));
    }

    private static Geometry point(double eastM, double northM) {
        return Triage.WGS84.createPoint(new Coordinate(110.3 + eastM * M / Math.cos(Math.toRadians(40.7)),
                40.7 + northM * M));
    }

    private Triage.KnownSite site(long id, String status, Geometry g) {
        return new Triage.KnownSite(id, status, metric.areaM2(g), g);
    }

    private Triage.Verdict judge(Geometry detection, Triage.KnownSite... sites) {
        return triage.judge(Triage.Footprint.of(detection), metric.areaM2(detection), List.of(sites));
    }

    @Test
    void aSlightlyShiftedOutlineOfAKnownHeapIsKnown() {
        var v = judge(square(10, 0, 100), site(1, "suspected", square(0, 0, 100)));
        assertThat(v.result()).isEqualTo(Triage.Result.KNOWN);
        assertThat(v.matchedSiteId()).isEqualTo(1);
    }

    @Test
    void aHeapThatGrewByMoreThanAThirdIsChanged() {
        assertThat(judge(square(0, 0, 130), site(1, "suspected", square(0, 0, 100))).result())
                .isEqualTo(Triage.Result.CHANGED);
        assertThat(judge(square(0, 0, 110), site(1, "suspected", square(0, 0, 100))).result())
                .isEqualTo(Triage.Result.KNOWN);
    }

    @Test
    void aClosedHeapThatReappearsIsARedFlag() {
        var v = judge(square(0, 0, 100), site(7, "closed", square(0, 0, 100)));
        assertThat(v.result()).isEqualTo(Triage.Result.CHANGED);
        assertThat(v.redFlag()).isTrue();
    }

    @Test
    void pointsMatchWithinThirtyMetresAndNotBeyond() {
        Triage.KnownSite heap = site(1, "suspected", square(0, 0, 100));
        assertThat(judge(point(0, 75), heap).result()).isEqualTo(Triage.Result.KNOWN);
        assertThat(judge(point(0, 85), heap).result()).isEqualTo(Triage.Result.NEW);
    }

    @Test
    void theBestOverlapWinsAndNothingNearbyIsNew() {
        var v = judge(square(0, 0, 100), site(1, "suspected", square(90, 0, 100)), site(2, "suspected",
                square(5, 0, 100)));
        assertThat(v.matchedSiteId()).isEqualTo(2);
        assertThat(judge(square(0, 0, 100)).result()).isEqualTo(Triage.Result.NEW);
    }

    @Test
    void duplicatesWithinABatchAreLikeGeometriesAtTheSamePlace() {
        assertThat(same(square(0, 0, 100), square(5, 0, 100))).isTrue();
        assertThat(same(point(0, 0), point(0, 20))).isTrue();
        assertThat(same(point(0, 0), square(0, 0, 100))).isFalse();
    }

    private boolean same(Geometry a, Geometry b) {
        return triage.sameFeature(Triage.Footprint.of(a), Triage.Footprint.of(b));
    }

    @Test
    void aCompactFootprintIsTheSameShapeInOneArray() {
        Geometry g = Triage.WGS84.createPolygon(new Coordinate[] {new Coordinate(110.3, 40.7),
            new Coordinate(110.301, 40.7), new Coordinate(110.301, 40.701), new Coordinate(110.3004, 40.7012),
            new Coordinate(110.3, 40.701), new Coordinate(110.3, 40.7)});
        g.setSRID(4326);
        Triage.Footprint f = Triage.Footprint.of(g);
        Triage.Footprint c = f.compact();
        assertThat(c.geometry().equalsExact(g)).isTrue();
        assertThat(c.geometry().getSRID()).isEqualTo(4326);
        assertThat(c.area()).isEqualTo(f.area());
        assertThat(c.convexTurn()).isEqualTo(f.convexTurn()).isNotZero();
        assertThat(((org.locationtech.jts.geom.Polygon) c.geometry()).getExteriorRing().getCoordinateSequence())
                .isInstanceOf(org.locationtech.jts.geom.impl.PackedCoordinateSequence.class);
        assertThat(c.compact()).isSameAs(c);
        Geometry p = point(0, 0);
        assertThat(Triage.Footprint.of(p).compact().geometry()).isSameAs(p);
    }

    @Test
    void theBoxTestRulesOutOnlyPairsThatAreNotTheSameFeature() {
        java.util.Random random = new java.util.Random(7);
        int ruledOut = 0;
        for (int i = 0; i < 5_000; i++) {
            Geometry a = square(random.nextDouble() * 60, random.nextDouble() * 60, 5 + random.nextDouble() * 40);
            Geometry b = random.nextInt(10) == 0 ? point(random.nextDouble() * 60, random.nextDouble() * 60)
                    : square(random.nextDouble() * 60, random.nextDouble() * 60, 5 + random.nextDouble() * 40);
            Triage.Footprint fa = Triage.Footprint.of(a);
            Triage.Footprint fb = Triage.Footprint.of(b);
            var e = b.getEnvelopeInternal();
            boolean may = triage.maySameFeature(fa, e.getMinX(), e.getMaxX(), e.getMinY(), e.getMaxY(), fb.area());
            if (!may) {
                ruledOut++;
                assertThat(triage.sameFeature(fa, fb)).as("pair %d", i).isFalse();
            }
        }
        assertThat(ruledOut).isGreaterThan(1_000);
    }
}
