package org.wufei.gis.crs;

import org.wufei.gis.common.Texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SourceCrsTest {

    @ParameterizedTest
    @CsvSource({
        "EPSG:4546, 4546",
        "epsg:4546, 4546",
        "4546, 4546",
        " EPSG:4490 , 4490",
        "urn:ogc:def:crs:EPSG::4490, 4490",
        "urn:ogc:def:crs:EPSG:9.9.1:4490, 4490",
        "http://www.opengis.net/def/crs/EPSG/0/4326, 4326",
        "https://www.opengis.net/def/crs/EPSG/0/3857, 3857",
        "EPSG:2361, 2361",
        "EPSG:21413, 21413",
    })
    void epsgSpellingsUsersSendAreRead(String text, int code) {
        assertThat(SourceCrs.parse(text)).isEqualTo(new SourceCrs.Epsg(code));
    }

    @ParameterizedTest
    @ValueSource(strings = {"CRS84", "crs84", "OGC:CRS84", "http://www.opengis.net/def/crs/OGC/1.3/CRS84",
        "urn:ogc:def:crs:OGC:1.3:CRS84"})
    void crs84SpellingsAreRead(String text) {
        assertThat(SourceCrs.parse(text)).isSameAs(SourceCrs.CRS84);
        assertThat(SourceCrs.parse(text).datumEpsg()).isEqualTo(4326);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gcj02", "GCJ-02", "gcj_02", "GCJ02"})
    void gcj02SpellingsAreRead(String text) {
        assertThat(SourceCrs.parse(text)).isSameAs(SourceCrs.GCJ02);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bd09", "BD-09", "Bd09", "bd09ll"})
    void bd09SpellingsAreRead(String text) {
        assertThat(SourceCrs.parse(text)).isSameAs(SourceCrs.BD09);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "EPSG:", "EPSG:32650", "EPSG:99999", "wgs84", "4546x",
        "http://www.opengis.net/def/crs/OGC/1.3/CRS83", "gcj-03", "<script>"})
    void anythingElseIsUnknownWithBilingualMessages(String text) {
        assertThatThrownBy(() -> SourceCrs.parse(text))
                .isInstanceOfSatisfying(CrsException.class, e -> {
                    assertThat(e.code()).isEqualTo("crs_unknown");
                    assertThat(Texts.zh(e)).contains("坐标参考系");
                    assertThat(Texts.en(e)).contains("Unknown coordinate reference system");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"EPSG:4546"})
    void labelsAreShort(String text) {
        assertThat(SourceCrs.parse(text).label()).isEqualTo("EPSG:4546");
        assertThat(SourceCrs.GCJ02.label()).isEqualTo("GCJ-02");
    }

    @org.junit.jupiter.api.Test
    void nullIsUnknown() {
        assertThatThrownBy(() -> SourceCrs.parse(null)).isInstanceOf(CrsException.class);
    }
}
