package org.wufei.gis.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

class TileMatrixSetTest {
    private static final double LON = 110.2674;
    private static final double LAT = 40.6717;

    @Test
    void theSeatFallsInTheSameWebMercatorTileAsTheSlippyMapFormulaSays() {
        for (int z = 0; z <= 18; z++) {
            double n = Math.pow(2, z);
            long x = (long) Math.floor((LON + 180) / 360 * n);
            double lat = Math.toRadians(LAT);
            long y = (long) Math.floor((1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2 * n);
            long[] r = TileMatrixSet.WEB_MERCATOR_QUAD.tileRange(z, new Envelope(LON, LON, LAT, LAT));
            assertThat(new long[] {r[0], r[2]}).as("z" + z).containsExactly(x, y);
        }
    }

    @Test
    void aTilesLonLatBoundsContainThePointThatChoseIt() {
        for (TileMatrixSet tms : TileMatrixSet.values()) {
            long[] r = tms.tileRange(14, new Envelope(LON, LON, LAT, LAT));
            Envelope e = tms.lonLatEnvelope(14, r[0], r[2], 0);
            assertThat(e.contains(LON, LAT)).as(tms.id()).isTrue();
        }
    }

    @Test
    void worldCrs84QuadHasTwoColumnsAtZoomZeroEachHalfTheWorld() {
        assertThat(TileMatrixSet.WORLD_CRS84_QUAD.matrixWidth(0)).isEqualTo(2);
        assertThat(TileMatrixSet.WORLD_CRS84_QUAD.matrixHeight(0)).isEqualTo(1);
        assertThat(TileMatrixSet.WORLD_CRS84_QUAD.tileEnvelope(0, 0, 0)).isEqualTo(new Envelope(-180, 0, -90, 90));
    }

    @Test
    void webMercatorZoomZeroTileIsTheWholeSquareWorld() {
        Envelope e = TileMatrixSet.WEB_MERCATOR_QUAD.lonLatEnvelope(0, 0, 0, 0);
        assertThat(e.getMinX()).isCloseTo(-180, within(1e-9));
        assertThat(e.getMaxY()).isCloseTo(85.0511287798, within(1e-8));
    }

    @Test
    void scaleDenominatorsHalveWithEachZoom() {
        var matrices = (java.util.List<?>) TileMatrixSet.WEB_MERCATOR_QUAD.definition().get("tileMatrices");
        assertThat(matrices).hasSize(25);
        var z18 = (java.util.Map<?, ?>) matrices.get(18);
        assertThat((Double) z18.get("scaleDenominator")).isCloseTo(2132.72958384, within(1e-6));
    }
}
