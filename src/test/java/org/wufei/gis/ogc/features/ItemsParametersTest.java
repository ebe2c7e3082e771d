package org.wufei.gis.ogc.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.wufei.gis.common.ApiException;
import org.wufei.gis.crs.CrsRegistry;
import org.wufei.gis.crs.OgcCrsUri;

/** The items parameters that need no database: bbox in every offered CRS, datetime, paging links. */
class ItemsParametersTest {
    private final CrsRegistry crs = new CrsRegistry();

    @Test
    void aCrs84BboxIsUsedAsGiven() {
        assertThat(BboxParam.parse("110.1,40.6,110.3,40.7", OgcCrsUri.CRS84, crs))
                .containsExactly(new Envelope(110.1, 110.3, 40.6, 40.7));
    }

    @Test
    void anEpsg4326BboxIsReadLatitudeFirst() {
        assertThat(BboxParam.parse("40.6,110.1,40.7,110.3", OgcCrsUri.epsg(4326), crs))
                .containsExactly(new Envelope(110.1, 110.3, 40.6, 40.7));
    }

    @Test
    void aThreeDimensionalBboxKeepsOnlyItsHorizontalCorners() {
        assertThat(BboxParam.parse("110.1,40.6,0,110.3,40.7,100", OgcCrsUri.CRS84, crs))
                .containsExactly(new Envelope(110.1, 110.3, 40.6, 40.7));
    }

    @Test
    void anAntimeridianCrossingBboxBecomesTwoBoxes() {
        List<Envelope> boxes = BboxParam.parse("177,65,-177,70", OgcCrsUri.CRS84, crs);
        assertThat(boxes).containsExactly(new Envelope(177, 180, 65, 70), new Envelope(-180, -177, 65, 70));
    }

    @Test
    void aWebMercatorBboxIsTransformedToDegreesAroundTheDistrict() {
        Envelope e = BboxParam.parse("12270000,4950000,12300000,4970000", OgcCrsUri.epsg(3857), crs).get(0);
        assertThat(e.getMinX()).isBetween(110.0, 110.5);
        assertThat(e.getMinY()).isBetween(40.0, 41.0);
    }

    @Test
    void aGaussKrugerBboxIsReadNorthingFirst() {
        Envelope e = BboxParam.parse("4500000,500000,4510000,510000", OgcCrsUri.epsg(4546), crs).get(0);
        assertThat(e.getMinX()).isBetween(110.9, 111.1);
        assertThat(e.getMinY()).isBetween(40.0, 41.0);
    }

    @Test
    void badBoxesAreRefusedWithTheirCodes() {
        assertCode(() -> BboxParam.parse("1,2,3", OgcCrsUri.CRS84, crs), "bbox_invalid");
        assertCode(() -> BboxParam.parse("1,2,3,4,5", OgcCrsUri.CRS84, crs), "bbox_invalid");
        assertCode(() -> BboxParam.parse("1,NaN,3,4", OgcCrsUri.CRS84, crs), "bbox_invalid");
        assertCode(() -> BboxParam.parse("1,5,3,4", OgcCrsUri.CRS84, crs), "bbox_invalid");
        assertCode(() -> BboxParam.parse("1,2,3,91", OgcCrsUri.CRS84, crs), "bbox_out_of_range");
        assertCode(() -> BboxParam.parse("3,2,1,4", OgcCrsUri.epsg(3857), crs), "bbox_invalid");
    }

    @Test
    void datetimeAcceptsInstantsDatesAndOpenIntervals() {
        DatetimeParam day = DatetimeParam.parse("2024-06-01");
        assertThat(day.start()).isEqualTo(Instant.parse("2024-06-01T00:00:00Z"));
        assertThat(day.end()).isBefore(Instant.parse("2024-06-02T00:00:00Z"));
        DatetimeParam open = DatetimeParam.parse("2024-06-01T08:00:00+08:00/..");
        assertThat(open.start()).isEqualTo(Instant.parse("2024-06-01T00:00:00Z"));
        assertThat(open.end()).isNull();
        assertThat(DatetimeParam.parse("/2024-06-01").start()).isNull();
        assertCode(() -> DatetimeParam.parse("../.."), "datetime_invalid");
        assertCode(() -> DatetimeParam.parse("2024-13-01"), "datetime_invalid");
        assertCode(() -> DatetimeParam.parse("2025-01-01/2024-01-01"), "datetime_invalid");
    }

    @Test
    void aPagingLinkKeepsEveryParameterAndReplacesOnlyTheOffset() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("bbox", "110.1,40.6,110.3,40.7");
        params.put("filter", "status = 'confirmed'");
        params.put("offset", "10");
        params.put("limit", "10");
        assertThat(ItemsController.page("http://h/ogc/collections/c/items", params, 20)).isEqualTo(
                "http://h/ogc/collections/c/items?bbox=110.1%2C40.6%2C110.3%2C40.7"
                        + "&filter=status%20%3D%20%27confirmed%27&limit=10&offset=20");
        assertThat(ItemsController.page("http://h/items", Map.of("offset", "10"), 0)).isEqualTo("http://h/items");
    }

    private static void assertCode(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).code()).isEqualTo(code));
    }
}
