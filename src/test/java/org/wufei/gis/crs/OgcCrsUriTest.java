package org.wufei.gis.crs;

import org.wufei.gis.common.Texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OgcCrsUriTest {

    @Test
    void offeredListStartsWithTheStorageCrsAndNamesTheFivePart2Systems() {
        assertThat(OgcCrsUri.uris(OgcCrsUri.OFFERED)).containsExactly(
                "http://www.opengis.net/def/crs/OGC/1.3/CRS84",
                "http://www.opengis.net/def/crs/EPSG/0/4326",
                "http://www.opengis.net/def/crs/EPSG/0/4490",
                "http://www.opengis.net/def/crs/EPSG/0/3857",
                "http://www.opengis.net/def/crs/EPSG/0/4546");
    }

    @Test
    void canonicalUrisAndOtherSpellingsParseToTheOfferedEntry() {
        assertThat(OgcCrsUri.parse("http://www.opengis.net/def/crs/OGC/1.3/CRS84")).isEqualTo(OgcCrsUri.CRS84);
        assertThat(OgcCrsUri.parse("http://www.opengis.net/def/crs/EPSG/0/4546").srid()).isEqualTo(4546);
        assertThat(OgcCrsUri.parse("[EPSG:4490]").uri()).isEqualTo("http://www.opengis.net/def/crs/EPSG/0/4490");
        assertThat(OgcCrsUri.parse("EPSG:3857").uri()).isEqualTo("http://www.opengis.net/def/crs/EPSG/0/3857");
        assertThat(OgcCrsUri.CRS84.srid()).isEqualTo(4326);
    }

    @Test
    void axisOrderTellsWritersWhenToPutNorthFirst() {
        assertThat(OgcCrsUri.CRS84.northFirst()).isFalse();
        assertThat(OgcCrsUri.epsg(4326).northFirst()).isTrue();
        assertThat(OgcCrsUri.epsg(4490).northFirst()).isTrue();
        assertThat(OgcCrsUri.epsg(3857).northFirst()).isFalse();
        assertThat(OgcCrsUri.epsg(4546).northFirst()).isTrue();
    }

    @Test
    void supportedButNotOfferedSystemsAreRefusedWithTheirOwnCode() {
        assertThatThrownBy(() -> OgcCrsUri.parse("http://www.opengis.net/def/crs/EPSG/0/4547"))
                .isInstanceOfSatisfying(CrsException.class, e -> {
                    assertThat(e.code()).isEqualTo("crs_not_offered");
                    assertThat(Texts.en(e)).contains("http://www.opengis.net/def/crs/EPSG/0/4546");
                });
        assertThatThrownBy(() -> OgcCrsUri.parse("gcj02")).isInstanceOf(CrsException.class);
    }

    @Test
    void unreadableValuesAreUnknown() {
        assertThatThrownBy(() -> OgcCrsUri.parse("http://example.com/crs/1"))
                .isInstanceOfSatisfying(CrsException.class, e -> assertThat(e.code()).isEqualTo("crs_unknown"));
    }

    @Test
    void anotherDistrictOffersItsOwnMetricSystem() {
        assertThat(OgcCrsUri.uris(OgcCrsUri.offeredWith(4547)))
                .endsWith("http://www.opengis.net/def/crs/EPSG/0/4547")
                .doesNotContain("http://www.opengis.net/def/crs/EPSG/0/4546");
        assertThat(OgcCrsUri.parse("EPSG:4547", OgcCrsUri.offeredWith(4547)).srid()).isEqualTo(4547);
    }
}
