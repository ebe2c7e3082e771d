package org.wufei.gis.crs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

class ChineseMapOffsetsTest {

    private static final double HALF_METRE = 0.5;

    @Property(tries = 2000)
    void gcj02RoundTripInTheDistrictIsWithinHalfAMetre(
            @ForAll @Scale(6) @DoubleRange(min = 110.0168, max = 110.5456) double lon,
            @ForAll @Scale(6) @DoubleRange(min = 40.5871, max = 40.8931) double lat) {
        assertGcj02RoundTrip(lon, lat);
    }

    @Property(tries = 5000)
    void gcj02RoundTripAcrossChinaIsWithinHalfAMetre(
            @ForAll @Scale(6) @DoubleRange(min = 73.5, max = 135.0) double lon,
            @ForAll @Scale(6) @DoubleRange(min = 18.0, max = 53.5) double lat) {
        assertGcj02RoundTrip(lon, lat);
    }

    @Property(tries = 3000)
    void bd09RoundTripAcrossChinaIsWithinHalfAMetre(
            @ForAll @Scale(6) @DoubleRange(min = 73.5, max = 135.0) double lon,
            @ForAll @Scale(6) @DoubleRange(min = 18.0, max = 53.5) double lat) {
        double[] bd = ChineseMapOffsets.wgs84ToBd09(lon, lat);
        double[] back = ChineseMapOffsets.bd09ToWgs84(bd[0], bd[1]);
        assertThat(Distances.metres(lon, lat, back[0], back[1])).isLessThan(HALF_METRE);
    }

    @Property(tries = 2000)
    void gcj02CoordinateFromAMapLandsOnItsTrueWgs84Position(
            @ForAll @Scale(6) @DoubleRange(min = 110.0168, max = 110.5456) double lon,
            @ForAll @Scale(6) @DoubleRange(min = 40.5871, max = 40.8931) double lat) {
        // The other direction: a coordinate read off a GCJ-02 map must map back onto itself when offset again.
        double[] wgs = ChineseMapOffsets.gcj02ToWgs84(lon, lat);
        double[] again = ChineseMapOffsets.wgs84ToGcj02(wgs[0], wgs[1]);
        assertThat(Distances.metres(lon, lat, again[0], again[1])).isLessThan(HALF_METRE);
    }

    @Test
    void districtSeatIsShiftedBySeveralHundredMetresOnConsumerMaps() {
        double[] gcj = ChineseMapOffsets.wgs84ToGcj02(110.2674, 40.6717);
        double[] bd = ChineseMapOffsets.wgs84ToBd09(110.2674, 40.6717);
        assertThat(Distances.metres(110.2674, 40.6717, gcj[0], gcj[1])).isBetween(200.0, 800.0);
        assertThat(Distances.metres(110.2674, 40.6717, bd[0], bd[1])).isBetween(500.0, 2000.0);
    }

    @Test
    void knownPairsComeBackToTheirWgs84Points() {
        double[][] wgs = {
            {110.2674, 40.6717}, // Shiguai District seat
            {109.8403, 40.6574}, // Baotou
            {116.3913, 39.9075}, // Beijing, Tiananmen
            {121.4994, 31.2397}, // Shanghai, Lujiazui
            {87.6168, 43.8256}, // Urumqi
        };
        for (double[] p : wgs) {
            double[] gcj = ChineseMapOffsets.wgs84ToGcj02(p[0], p[1]);
            double[] fromGcj = ChineseMapOffsets.gcj02ToWgs84(gcj[0], gcj[1]);
            assertThat(Distances.metres(p[0], p[1], fromGcj[0], fromGcj[1])).isLessThan(0.01);
            double[] bd = ChineseMapOffsets.gcj02ToBd09(gcj[0], gcj[1]);
            double[] fromBd = ChineseMapOffsets.bd09ToWgs84(bd[0], bd[1]);
            assertThat(Distances.metres(p[0], p[1], fromBd[0], fromBd[1])).isLessThan(0.01);
        }
    }

    @Test
    void publishedGcj02ValueForBeijingMatchesTheFormula() {
        // Reference values from the public-domain eviltransform test suite (WGS 84 → GCJ-02).
        double[] gcj = ChineseMapOffsets.wgs84ToGcj02(116.3912, 39.9071);
        assertThat(gcj[0]).isCloseTo(116.39744, within(1e-5));
        assertThat(gcj[1]).isCloseTo(39.90850, within(1e-5));
    }

    @Test
    void outsideChinaTheOffsetsAreIdentity() {
        assertThat(ChineseMapOffsets.wgs84ToGcj02(2.35, 48.85)).containsExactly(2.35, 48.85);
        assertThat(ChineseMapOffsets.gcj02ToWgs84(139.69, 35.68)).containsExactly(139.69, 35.68);
    }

    @Test
    void wholeGeometriesAreConvertedVertexByVertexWithoutTouchingTheInput() {
        GeometryFactory gf = new GeometryFactory();
        Polygon square = gf.createPolygon(new Coordinate[] {
            new Coordinate(110.26, 40.67), new Coordinate(110.27, 40.67), new Coordinate(110.27, 40.68),
            new Coordinate(110.26, 40.68), new Coordinate(110.26, 40.67)});
        Geometry gcj = ChineseMapOffsets.wgs84ToGcj02(square);
        Geometry back = ChineseMapOffsets.gcj02ToWgs84(gcj);

        assertThat(square.getCoordinates()[1].x).isEqualTo(110.27);
        assertThat(gcj.getSRID()).isZero();
        assertThat(back.getSRID()).isEqualTo(4326);
        for (int i = 0; i < square.getNumPoints(); i++) {
            Coordinate a = square.getCoordinates()[i];
            Coordinate b = back.getCoordinates()[i];
            assertThat(Distances.metres(a.x, a.y, b.x, b.y)).isLessThan(0.01);
        }
    }

    private static void assertGcj02RoundTrip(double lon, double lat) {
        double[] gcj = ChineseMapOffsets.wgs84ToGcj02(lon, lat);
        double[] back = ChineseMapOffsets.gcj02ToWgs84(gcj[0], gcj[1]);
        assertThat(Distances.metres(lon, lat, back[0], back[1])).isLessThan(HALF_METRE);
    }
}
