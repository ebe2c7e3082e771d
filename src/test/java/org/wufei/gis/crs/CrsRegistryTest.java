package org.wufei.gis.crs;

import org.wufei.gis.common.Texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

class CrsRegistryTest {

    private static final double SEAT_LON = 110.2674;
    private static final double SEAT_LAT = 40.6717;

    private final CrsRegistry registry = new CrsRegistry();
    private final GeometryFactory gf = new GeometryFactory();

    @Test
    void pointKnownInCgcs2000Gk111ComesBackWithinOneMetre() {
        // The 4546 coordinate comes from proj4j directly, not through the registry under test.
        CRSFactory crs = new CRSFactory();
        ProjCoordinate known = new ProjCoordinate();
        new CoordinateTransformFactory()
                .createTransform(crs.createFromName("EPSG:4326"), crs.createFromName("EPSG:4546"))
                .transform(new ProjCoordinate(SEAT_LON, SEAT_LAT), known);

        Geometry wgs84 = registry.toWgs84(point(known.x, known.y), SourceCrs.parse("EPSG:4546"));

        assertThat(wgs84.getSRID()).isEqualTo(4326);
        Coordinate c = wgs84.getCoordinate();
        assertThat(Distances.metres(SEAT_LON, SEAT_LAT, c.x, c.y)).isLessThan(1.0);
    }

    @Test
    void districtSeatProjectsIntoZone37WithAndWithoutPrefix() {
        double[] cm = registry.transform(SEAT_LON, SEAT_LAT, 4326, 4546);
        double[] zone = registry.transform(SEAT_LON, SEAT_LAT, 4326, 4525);

        // West of the 111°E central meridian, about 4 500 km north of the equator.
        assertThat(cm[0]).isBetween(430_000.0, 500_000.0);
        assertThat(cm[1]).isBetween(4_480_000.0, 4_520_000.0);
        assertThat(zone[0]).isCloseTo(cm[0] + 37_000_000.0, within(1e-6));
        assertThat(zone[1]).isCloseTo(cm[1], within(1e-6));
    }

    @Test
    void gcj02CoordinateLandsWithinHalfAMetreOfItsTrueWgs84() {
        double[] gcj = ChineseMapOffsets.wgs84ToGcj02(SEAT_LON, SEAT_LAT);

        Coordinate c = registry.toWgs84(point(gcj[0], gcj[1]), SourceCrs.parse("GCJ-02")).getCoordinate();

        assertThat(Distances.metres(SEAT_LON, SEAT_LAT, c.x, c.y)).isLessThan(0.5);
    }

    @Test
    void bd09CoordinateLandsWithinHalfAMetreOfItsTrueWgs84() {
        double[] bd = ChineseMapOffsets.wgs84ToBd09(SEAT_LON, SEAT_LAT);

        Coordinate c = registry.toWgs84(point(bd[0], bd[1]), SourceCrs.BD09).getCoordinate();

        assertThat(Distances.metres(SEAT_LON, SEAT_LAT, c.x, c.y)).isLessThan(0.5);
    }

    @Test
    void webMercatorMatchesTheSphericalFormula() {
        double[] m = registry.transform(SEAT_LON, SEAT_LAT, 4326, 3857);
        double r = 6378137.0;
        assertThat(m[0]).isCloseTo(Math.toRadians(SEAT_LON) * r, within(0.01));
        assertThat(m[1]).isCloseTo(r * Math.log(Math.tan(Math.PI / 4 + Math.toRadians(SEAT_LAT) / 2)),
                within(0.01));
    }

    @Test
    void cgcs2000AndCrs84AreTakenAsWgs84WithinMillimetres() {
        Coordinate a = registry.toWgs84(point(SEAT_LON, SEAT_LAT), SourceCrs.parse("EPSG:4490")).getCoordinate();
        Coordinate b = registry.toWgs84(point(SEAT_LON, SEAT_LAT), SourceCrs.CRS84).getCoordinate();
        assertThat(Distances.metres(SEAT_LON, SEAT_LAT, a.x, a.y)).isLessThan(0.001);
        assertThat(Distances.metres(SEAT_LON, SEAT_LAT, b.x, b.y)).isLessThan(0.001);
    }

    @Test
    void beijing1954GaussKrugerUsesItsDatumShift() {
        // Same grid numbers read as Beijing 1954 instead of CGCS2000 must land tens of metres away, not on top.
        double[] gk = registry.transform(SEAT_LON, SEAT_LAT, 4326, 4546);
        Coordinate asBeijing = registry.transform(point(gk[0], gk[1]), 2434, 4326).getCoordinate();
        double[] back = registry.transform(asBeijing.x, asBeijing.y, 4326, 2434);

        assertThat(Distances.metres(SEAT_LON, SEAT_LAT, asBeijing.x, asBeijing.y)).isBetween(10.0, 300.0);
        assertThat(back[0]).isCloseTo(gk[0], within(0.01));
        assertThat(back[1]).isCloseTo(gk[1], within(0.01));
    }

    @Test
    void xian1980AndBeijing1954ZonesRoundTripThroughWgs84() {
        for (int code : new int[] {2333, 2361, 2382, 2413, 2434, 21419, 21459, 21479, 4508, 4525}) {
            double[] projected = registry.transform(SEAT_LON, SEAT_LAT, 4326, code);
            double[] back = registry.transform(projected[0], projected[1], code, 4326);
            assertThat(Distances.metres(SEAT_LON, SEAT_LAT, back[0], back[1])).as("EPSG:%d", code).isLessThan(0.01);
        }
    }

    @Test
    void everySupportedCodeHasAProj4jDefinition() {
        for (int code : registry.supportedCodes()) {
            assertThat(EpsgCatalogue.proj4(code)).as("EPSG:%d", code).isNotNull();
        }
        assertThat(registry.supportedCodes()).contains(4326, 4490, 3857, 4491, 4546, 4554, 4610, 2327, 2390, 4214,
                2401, 2442, 21413, 21483);
    }

    @Test
    void outputCarriesTheTargetSridOnEveryPart() {
        GeometryCollection both = gf.createGeometryCollection(new Geometry[] {
            point(SEAT_LON, SEAT_LAT), point(SEAT_LON + 0.01, SEAT_LAT)});

        Geometry out = registry.transform(both, 4326, 4546);

        assertThat(out.getSRID()).isEqualTo(4546);
        assertThat(out.getGeometryN(1).getSRID()).isEqualTo(4546);
        assertThat(both.getGeometryN(0).getCoordinate().x).isEqualTo(SEAT_LON);
    }

    @Test
    void metresDeclaredAsDegreesAreRefusedWithACode() {
        double[] gk = registry.transform(SEAT_LON, SEAT_LAT, 4326, 4546);

        assertThatThrownBy(() -> registry.toWgs84(point(gk[0], gk[1]), SourceCrs.parse("EPSG:4326")))
                .isInstanceOfSatisfying(CrsException.class, e -> {
                    assertThat(e.code()).isEqualTo("crs_transform_failed");
                    assertThat(Texts.zh(e)).contains("EPSG:4326");
                });
    }

    @Test
    void unsupportedCodesAreUnknown() {
        assertThatThrownBy(() -> registry.transform(point(1, 1), 32650, 4326))
                .isInstanceOfSatisfying(CrsException.class, e -> assertThat(e.code()).isEqualTo("crs_unknown"));
    }

    @Test
    void axisOrderFollowsTheEpsgDefinitions() {
        assertThat(registry.isLatLonAxisOrder(4326)).isTrue();
        assertThat(registry.isLatLonAxisOrder(4490)).isTrue();
        assertThat(registry.isLatLonAxisOrder(3857)).isFalse();
        assertThat(registry.isLatLonAxisOrder(4546)).isFalse();
        assertThat(registry.isNorthEastAxisOrder(4546)).isTrue();
        assertThat(registry.isNorthEastAxisOrder(3857)).isFalse();
    }

    @Test
    void envelopeTransformCoversTheCurvedEdges() {
        Envelope district = new Envelope(110.0168, 110.5456, 40.5871, 40.8931);

        Envelope metric = registry.transform(district, 4326, 4546);
        Envelope back = registry.transform(metric, 4546, 4326);

        assertThat(back.contains(district)).isTrue();
        assertThat(metric.getWidth()).isBetween(44_000.0, 46_000.0);
    }

    @Test
    void concurrentTransformsGiveTheSameAnswers() throws Exception {
        double[] expected = registry.transform(SEAT_LON, SEAT_LAT, 4326, 4546);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<double[]>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                results.add(pool.submit(() -> registry.transform(SEAT_LON, SEAT_LAT, 4326, 4546)));
            }
            for (Future<double[]> r : results) {
                assertThat(r.get()).containsExactly(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private Point point(double x, double y) {
        return gf.createPoint(new Coordinate(x, y));
    }
}
