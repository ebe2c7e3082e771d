package org.wufei.gis.crs;

import org.wufei.gis.common.Texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PrjMatcherTest {

    @ParameterizedTest(name = "{0} -> EPSG:{1}")
    @CsvSource({
        "cgcs2000-3deg-gk-cm111e, 4546",
        "cgcs2000-3deg-gk-cm111e-gdal-ogc-wkt, 4546",
        "cgcs2000-3deg-gk-zone37, 4525",
        "cgcs2000-6deg-gk-cm111e, 4508",
        "cgcs2000-6deg-gk-zone19, 4497",
        "cgcs2000-name-says-cm111e-parameters-say-114e, 4547",
        "xian80-3deg-gk-cm111e, 2382",
        "xian80-3deg-gk-zone37, 2361",
        "beijing54-3deg-gk-zone37, 2413",
        "beijing54-3deg-gk-zone37-gdal-ogc-wkt, 2413",
        "beijing54-3deg-gk-cm111e, 2434",
        "wgs84, 4326",
        "cgcs2000-geographic, 4490",
        "xian80-geographic, 4610",
        "beijing54-geographic, 4214",
        "web-mercator, 3857",
        "web-mercator-gdal-ogc-wkt, 3857",
    })
    void prjFromChineseGisToolsMatchesItsEpsgCode(String fixture, int epsg) throws IOException {
        assertThat(PrjMatcher.match(fixture(fixture))).contains(epsg);
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "unknown-lambert", "wgs84-utm49n-unsupported", "world-mercator-unsupported",
        "cgcs2000-gk-in-feet-unsupported"})
    void unsupportedOrUnreadablePrjMatchesNothing(String fixture) throws IOException {
        assertThat(PrjMatcher.match(fixture(fixture))).isEmpty();
    }

    @Test
    void missingMatchTellsTheUserToSendCrs() throws IOException {
        String prj = fixture("unknown-lambert");
        assertThatThrownBy(() -> PrjMatcher.matchOrThrow(prj))
                .isInstanceOfSatisfying(CrsException.class, e -> {
                    assertThat(e.code()).isEqualTo("crs_prj_unmatched");
                    assertThat(Texts.zh(e)).contains("crs");
                    assertThat(Texts.en(e)).contains("crs");
                });
    }

    @Test
    void everyGaussKrugerCodeIsFoundFromItsOwnParameters() {
        // Round trip over the whole catalogue: write each zone as ESRI would, match it back.
        for (EpsgCatalogue.Entry e : EpsgCatalogue.entries()) {
            if (e.kind() != EpsgCatalogue.Kind.TRANSVERSE_MERCATOR || e.deprecated()) {
                continue;
            }
            String name = (e.zoneDegrees() == 3 ? "X_3_Degree_GK_" : "X_GK_") + (e.zonePrefixed() ? "Zone" : "CM");
            String prj = "PROJCS[\"" + name + "\",GEOGCS[\"g\",DATUM[\"d\",SPHEROID[\"s\"," + e.family().semiMajor
                    + "," + e.family().inverseFlattening + "]],PRIMEM[\"Greenwich\",0],UNIT[\"Degree\","
                    + "0.0174532925199433]],PROJECTION[\"Gauss_Kruger\"],PARAMETER[\"False_Easting\","
                    + e.falseEasting() + "],PARAMETER[\"Central_Meridian\"," + e.centralMeridian()
                    + "],UNIT[\"Meter\",1]]";
            assertThat(PrjMatcher.match(prj)).as("EPSG:%d", e.code()).contains(e.code());
        }
    }

    @Test
    void catalogueParametersAreThoseOfProj4jEpsg() {
        for (EpsgCatalogue.Entry e : EpsgCatalogue.entries()) {
            if (e.kind() != EpsgCatalogue.Kind.TRANSVERSE_MERCATOR) {
                continue;
            }
            var projection = EpsgCatalogue.proj4(e.code()).getProjection();
            assertThat(projection.getProjectionLongitudeDegrees()).as("CM of EPSG:%d", e.code())
                    .isCloseTo(e.centralMeridian(), within(1e-9));
            assertThat(projection.getFalseEasting()).as("FE of EPSG:%d", e.code()).isCloseTo(e.falseEasting(), within(1e-6));
            assertThat(projection.getScaleFactor()).isEqualTo(1.0);
            var ellipsoid = projection.getEllipsoid();
            double rf = ellipsoid.getA() / (ellipsoid.getA() - ellipsoid.getB());
            assertThat(EpsgCatalogue.Family.ofEllipsoid(ellipsoid.getA(), rf)).as("datum of EPSG:%d", e.code())
                    .contains(e.family());
        }
    }

    @Property(tries = 500)
    void arbitraryTextNeverThrows(@ForAll @StringLength(max = 300) String text) {
        assertThat(PrjMatcher.match(text)).isNotNull();
        assertThat(PrjMatcher.match("PROJCS[" + text)).isNotNull();
    }

    @Test
    void emptyAndNullMatchNothing() {
        assertThat(PrjMatcher.match("")).isEmpty();
        assertThat(PrjMatcher.match(null)).isEmpty();
        assertThat(PrjMatcher.match("GEOGCS[]")).isEmpty();
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = PrjMatcherTest.class.getResourceAsStream("/crs/" + name + ".prj")) {
            assertThat(in).as("fixture %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
