package org.wufei.gis.crs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.sis.referencing.CommonCRS;
import org.apache.sis.referencing.GeodeticCalculator;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;

class MetricCrsTest {

    private static final double SEAT_LON = 110.2674;
    private static final double SEAT_LAT = 40.6717;

    private final CrsRegistry registry = new CrsRegistry();
    private final MetricCrs metric = new MetricCrs(registry);
    private final GeometryFactory gf = new GeometryFactory();

    @Test
    void sevenKilometreLineNearTheDistrictSeatAgreesWithTheGeodesic() {
        // A line due east from the seat, chosen so that its EPSG:4546 length is about 7 km.
        LineString line = gf.createLineString(new Coordinate[] {
            new Coordinate(SEAT_LON, SEAT_LAT), new Coordinate(SEAT_LON + 0.082514, SEAT_LAT)});

        double gk = metric.lengthM(line);
        double geodesic = geodesicMetres(SEAT_LON, SEAT_LAT, SEAT_LON + 0.082514, SEAT_LAT);

        assertThat(gk).isCloseTo(6977.0, within(1.0));
        assertThat(gk).isCloseTo(geodesic, within(geodesic * 0.001));
        // Gauss-Krüger stretches away from the central meridian: the projected length is the longer one.
        assertThat(gk).isGreaterThan(geodesic);
    }

    @Test
    void oneKilometreSquareBuiltInMetricSpaceHasOneMillionSquareMetres() {
        double[] sw = registry.transform(SEAT_LON, SEAT_LAT, 4326, 4546);
        Geometry squareMetric = gf.createPolygon(new Coordinate[] {
            new Coordinate(sw[0], sw[1]), new Coordinate(sw[0] + 1000, sw[1]),
            new Coordinate(sw[0] + 1000, sw[1] + 1000), new Coordinate(sw[0], sw[1] + 1000),
            new Coordinate(sw[0], sw[1])});

        Geometry wgs84 = metric.fromMetric(squareMetric);

        assertThat(wgs84.getSRID()).isEqualTo(4326);
        assertThat(metric.areaM2(wgs84)).isCloseTo(1_000_000.0, within(1.0));
        assertThat(metric.lengthM(wgs84.getBoundary())).isCloseTo(4000.0, within(0.01));
    }

    @Test
    void toMetricCarriesTheMetricSrid() {
        Geometry p = gf.createPoint(new Coordinate(SEAT_LON, SEAT_LAT));
        assertThat(metric.toMetric(p).getSRID()).isEqualTo(4546);
        assertThat(metric.epsg()).isEqualTo(4546);
    }

    @Test
    void webMercatorAndDegreesAreRefusedAsMetricSystems() {
        assertThatThrownBy(() -> new MetricCrs(registry, 3857)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MetricCrs(registry, 4490)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new MetricCrs(registry, 4547).epsg()).isEqualTo(4547);
    }

    private static double geodesicMetres(double lon1, double lat1, double lon2, double lat2) {
        GeodeticCalculator calc = GeodeticCalculator.create(CommonCRS.WGS84.normalizedGeographic());
        calc.setStartGeographicPoint(lat1, lon1);
        calc.setEndGeographicPoint(lat2, lon2);
        return calc.getGeodesicDistance();
    }

    @Test
    void areaWithoutTheProjectedCopyEqualsTheProjectedGeometrysArea() throws Exception {
        Geometry g = new org.locationtech.jts.io.WKTReader(gf).read("GEOMETRYCOLLECTION ("
                + "MULTIPOLYGON (((110.26 40.67, 110.27 40.67, 110.272 40.675, 110.26 40.676, 110.26 40.67),"
                + " (110.262 40.671, 110.264 40.671, 110.264 40.672, 110.262 40.671)),"
                + " ((110.30 40.70, 110.30 40.701, 110.301 40.701, 110.30 40.70))),"
                + " POINT (110.2 40.7), LINESTRING (110.2 40.7, 110.3 40.8))");
        double expected = metric.toMetric(g).getArea();
        assertThat(metric.areaM2(g)).isCloseTo(expected, within(expected * 1e-12));
        assertThat(registry.projectedArea(g, 4326, 4326)).isCloseTo(g.getArea(), within(1e-15));
        assertThat(metric.areaM2(gf.createPoint(new Coordinate(110.2, 40.7)))).isZero();
    }
}
