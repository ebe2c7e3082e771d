package org.wufei.gis.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Texts moved from Java into the bundles read exactly as the literals did (issue 17): quotes around arguments,
 * quotes and braces in texts without arguments, numbers without grouping, the key when a text is missing.
 */
class TextsTest {

    @Test
    void quotesAroundArgumentsSurviveMessageFormat() {
        assertThat(Texts.en("crs.unknown", "EPSG:9"))
                .isEqualTo("Unknown coordinate reference system 'EPSG:9'. Use an EPSG code (e.g. EPSG:4490, "
                        + "EPSG:4546), CRS84, GCJ-02 or BD-09.");
        assertThat(Texts.zh("cql2.unexpected_character", "#")).isEqualTo("意外的字符 '#'");
        assertThat(Texts.en("cql2.expected", ")", "x")).isEqualTo("expected ) but found 'x'");
        assertThat(Texts.en("import.shapefile_incomplete", "roads", "dbf"))
                .isEqualTo("Shapefile 'roads' is missing its .dbf file.");
    }

    @Test
    void textsWithoutArgumentsAreTakenAsWritten() {
        assertThat(Texts.en("import.geojson_no_type")).isEqualTo("The JSON has no GeoJSON 'type' member.");
        assertThat(Texts.en("import.interrupted")).contains("(POST /api/imports/{id}/retry)");
        assertThat(Texts.en("cql2.json.expected_op")).isEqualTo("expected an object with \"op\"");
    }

    @Test
    void numbersAreNotGrouped() {
        assertThat(Texts.zh("import.upload_too_large", 987654321L)).isEqualTo("文件超过上传上限 987654321 字节。");
        assertThat(Texts.en("import.coordinate_out_of_range", 200.0, -91.5))
                .endsWith(": 200.0, -91.5");
    }

    @Test
    void bilingualTitlesAndMissingKeys() {
        assertThat(Texts.bilingual("tiles.link.vector_tiles")).isEqualTo("矢量瓦片 / Vector tiles");
        assertThat(Texts.zh("no.such.key")).isEqualTo("no.such.key");
    }
}
