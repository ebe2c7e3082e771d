package org.wufei.gis.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wufei.gis.common.ApiException;

class TileRequestTest {

    private static TileRequest parse(String tms, String z, String y, String x, Map<String, String> query) {
        return TileRequest.parse("waste_heaps", List.of(), tms, z, y, x, query);
    }

    private static String code(Runnable r) {
        try {
            r.run();
        } catch (ApiException e) {
            return e.status().value() + " " + e.code();
        }
        return "accepted";
    }

    @Test
    void aTileInsideTheMatrixIsAccepted() {
        TileRequest r = parse("WebMercatorQuad", "14", "6162", "13210", Map.of());
        assertThat(r.key()).isEqualTo(new TileRequest.TileKey("waste_heaps", "WebMercatorQuad", 14, 13210, 6162, ""));
    }

    @Test
    void everyOutOfRangeCoordinateIsA404AndNonNumbersA400() {
        assertThat(code(() -> parse("WebMercatorQuad", "25", "0", "0", Map.of()))).isEqualTo("404 tile_outside_matrix");
        assertThat(code(() -> parse("WebMercatorQuad", "1", "2", "0", Map.of()))).isEqualTo("404 tile_outside_matrix");
        assertThat(code(() -> parse("WorldCRS84Quad", "0", "0", "2", Map.of()))).isEqualTo("404 tile_outside_matrix");
        assertThat(code(() -> parse("WorldCRS84Quad", "0", "0", "1", Map.of()))).isEqualTo("accepted");
        assertThat(code(() -> parse("WebMercatorQuad", "1", "0", "1e3", Map.of())))
                .isEqualTo("400 tile_coordinate_invalid");
        assertThat(code(() -> parse("WebMercatorQuad", "99999999999999999999", "0", "0", Map.of())))
                .isEqualTo("400 tile_coordinate_invalid");
        assertThat(code(() -> parse("GoogleMapsCompatible", "1", "0", "0", Map.of())))
                .isEqualTo("404 tile_matrix_set_unknown");
    }

    @Test
    void unknownParametersAndOtherFormatsAreRefused() {
        assertThat(code(() -> parse("WebMercatorQuad", "1", "0", "0", Map.of("bbox", "1,2,3,4"))))
                .isEqualTo("400 parameter_unknown");
        assertThat(code(() -> parse("WebMercatorQuad", "1", "0", "0", Map.of("f", "png"))))
                .isEqualTo("406 tile_format_unsupported");
    }

    @Test
    void statusFiltersInAnyOrderShareOneCacheEntry() {
        TileRequest a = parse("WebMercatorQuad", "3", "1", "1", Map.of("status", "rectifying,confirmed"));
        TileRequest b = parse("WebMercatorQuad", "3", "1", "1", Map.of("status", "confirmed, rectifying"));
        assertThat(a.key()).isEqualTo(b.key());
        assertThat(a.key().filter()).isEqualTo("confirmed,rectifying");
    }
}
