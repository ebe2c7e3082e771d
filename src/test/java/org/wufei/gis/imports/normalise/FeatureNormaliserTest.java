package org.wufei.gis.imports.normalise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;
import org.wufei.gis.common.Districts;
import org.wufei.gis.crs.CrsRegistry;
import org.wufei.gis.crs.MetricCrs;
import org.wufei.gis.crs.SourceCrs;
import org.wufei.gis.imports.read.ImportException;

class FeatureNormaliserTest {
    private final CrsRegistry crs = new CrsRegistry();
    private final FeatureNormaliser normaliser;
    private final CrsResolver.Resolved wgs84 = new CrsResolver.Resolved(SourceCrs.epsg(4326), "test");

    FeatureNormaliserTest() throws Exception {
        var district = Districts.read(Path.of("gis-data/district.json"));
        normaliser = new FeatureNormaliser(crs, new MetricCrs(crs), new DistrictCheck(district, 2000));
    }

    private static Geometry wkt(String wkt) throws Exception {
        return new WKTReader().read(wkt);
    }

    @Test
    void zAndRepeatedPointsAreDroppedAndTheAreaIsInSquareMetres() throws Exception {
        var n = normaliser.normalise(1, wkt("POLYGON Z ((110.3 40.7 5, 110.301 40.7 5, 110.301 40.7 5, "
                + "110.301 40.701 6, 110.3 40.701 6, 110.3 40.7 5))"), wgs84);
        assertThat(n.geometry().getCoordinates()).hasSize(5).allMatch(c -> Double.isNaN(c.getZ()));
        assertThat(n.geometry().getSRID()).isEqualTo(4326);
        assertThat(n.areaM2()).isBetween(9_300.0, 9_500.0);
        assertThat(n.repaired()).isFalse();
    }

    @Test
    void aBowTieIsRepairedAndFlagged() throws Exception {
        var n = normaliser.normalise(1, wkt("POLYGON ((110.3 40.7, 110.302 40.702, 110.302 40.7, 110.3 40.702, "
                + "110.3 40.7))"), wgs84);
        assertThat(n.repaired()).isTrue();
        assertThat(n.geometry().isValid()).isTrue();
        assertThat(n.areaM2()).isPositive();
    }

    @Test
    void swappedLatitudeAndLongitudeAreNamedAsSuch() throws Exception {
        assertThatThrownBy(() -> normaliser.normalise(4, wkt("POINT (40.7 110.3)"), wgs84))
                .isInstanceOf(ImportException.class)
                .satisfies(e -> assertThat(((ImportException) e).code()).isEqualTo("coordinate_out_of_range"));
        var gk = new CrsResolver.Resolved(SourceCrs.epsg(4326), "test");
        assertThatThrownBy(() -> normaliser.normalise(4, wkt("POINT (40.70 40.71)"), gk))
                .satisfies(e -> assertThat(((ImportException) e).code()).isEqualTo("outside_district"));
    }

    @Test
    void aLegacyGeoJsonCrsIsReadInWhicheverAxisOrderLandsInTheDistrict() throws Exception {
        var either = new CrsResolver.Resolved(SourceCrs.epsg(4490), "geojson-crs", true);
        var n = normaliser.normalise(1, wkt("POINT (40.7 110.3)"), either);
        assertThat(n.geometry().getCoordinate().x).isEqualTo(110.3);
    }

    @Test
    void pointsLinesAndMixedCollectionsAreKeptAsRead() throws Exception {
        assertThat(normaliser.normalise(2, wkt("LINESTRING (110.3 40.7, 110.31 40.71)"), wgs84).geometry())
                .isInstanceOf(org.locationtech.jts.geom.LineString.class);
        assertThat(normaliser.normalise(2, wkt("POINT (110.3 40.7)"), wgs84).areaM2()).isZero();
        Geometry mixed = normaliser.normalise(3, wkt("GEOMETRYCOLLECTION (POINT (110.3 40.7), "
                + "POLYGON ((110.3 40.7, 110.301 40.7, 110.301 40.701, 110.3 40.7)))"), wgs84).geometry();
        assertThat(mixed.getNumGeometries()).isEqualTo(2);
    }

    @Test
    void flattenedGeometriesHoldTheirPointsInArrays() throws Exception {
        Geometry flat = FeatureNormaliser.flatten(wkt("POLYGON Z ((110.3 40.7 5, 110.301 40.7 5, 110.301 40.7 5, "
                + "110.301 40.701 5, 110.3 40.7 5))"));
        var shell = ((org.locationtech.jts.geom.Polygon) flat).getExteriorRing().getCoordinateSequence();
        assertThat(shell).isInstanceOf(org.locationtech.jts.geom.impl.PackedCoordinateSequence.class);
        assertThat(shell.getDimension()).isEqualTo(2);
        assertThat(flat.getNumPoints()).isEqualTo(4);
        // a ring that repeated points would leave with fewer than four keeps them all, for repair to judge
        Geometry degenerate = FeatureNormaliser.flatten(wkt("POLYGON ((110.3 40.7, 110.3 40.7, 110.301 40.7, "
                + "110.3 40.7))"));
        assertThat(degenerate.getNumPoints()).isEqualTo(4);
    }

    @Test
    void aFlattenedGeometryIsSwappedIntoTheDistrictsAxisOrder() throws Exception {
        var either = new CrsResolver.Resolved(SourceCrs.epsg(4490), "geojson-crs", true);
        var n = normaliser.normalise(1, wkt("POLYGON ((40.7 110.3, 40.7 110.301, 40.701 110.301, 40.7 110.3))"),
                either);
        assertThat(n.geometry().getEnvelopeInternal().getMinX()).isEqualTo(110.3);
        assertThat(n.geometry().getEnvelopeInternal().getMaxY()).isEqualTo(40.701);
    }
}
