package org.wufei.gis.imports.read.geojson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.wufei.gis.imports.read.Fixtures.assertOpenRefused;
import static org.wufei.gis.imports.read.Fixtures.path;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Polygon;
import org.wufei.gis.imports.read.Fixtures;
import org.wufei.gis.imports.read.CrsHint;
import org.wufei.gis.imports.read.FeatureReaders;
import org.wufei.gis.imports.read.FeatureSource;
import org.wufei.gis.imports.read.ImportException;
import org.wufei.gis.imports.read.ReadOptions;
import org.wufei.gis.imports.read.SourceFeature;

class GeoJsonFeatureSourceTest {

    @TempDir
    Path tmp;

    @Test
    void legacyCrsMemberIsReportedAndPropertiesKeepTheirTypes() {
        try (FeatureSource source = FeatureReaders.open(path("geojson-legacy-crs-4490.geojson"), ReadOptions.defaults())) {
            assertThat(source.crsHint()).isEqualTo(new CrsHint(4490, null, "geojson-crs"));
            assertThat(source.estimatedCount()).isEmpty(); // counting would mean reading the file once more
            List<SourceFeature> features = source.stream().toList();
            assertThat(features).hasSize(2);
            SourceFeature first = features.get(0);
            assertThat(first.index()).isEqualTo(1);
            assertThat(first.layer()).isEqualTo("geojson-legacy-crs-4490");
            assertThat(first.geometry()).isInstanceOf(Polygon.class);
            assertThat(first.geometry().getSRID()).isEqualTo(4490);
            assertThat(((Polygon) first.geometry()).getNumInteriorRing()).isEqualTo(1);
            assertThat(first.attributes()).containsEntry("名称", "石拐堆放点").containsEntry("面积", 1234.5)
                    .containsEntry("编号", 7L).containsEntry("已整治", false).containsEntry("备注", null);
        }
    }

    @Test
    void nanAndInfinityAreErrorsOfTheirOwnFeaturesOnly() {
        Fixtures.Outcome outcome = Fixtures.readCollectingErrors(path("geojson-nan-coordinates.geojson"));
        assertThat(outcome.features()).extracting(f -> f.attributes().get("名称")).containsExactly("甲", "丁");
        assertThat(outcome.errors()).extracting(ImportException::code)
                .containsExactly("coordinate_not_number", "coordinate_not_number");
        assertThat(outcome.errors()).extracting(e -> e.featureIndex().getAsLong()).containsExactly(2L, 3L);
        assertThat(outcome.errors().get(0).status()).isEqualTo(422);
    }

    @Test
    void stringCoordinatesAreRefusedPerFeature() {
        Fixtures.Outcome outcome = Fixtures.readCollectingErrors(path("geojson-string-coordinates.geojson"));
        assertThat(outcome.features()).hasSize(1);
        assertThat(outcome.errors()).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo("coordinate_not_number");
            assertThat(e.featureIndex()).hasValue(1);
        });
    }

    @Test
    void htmlInNamesIsKeptVerbatimAsText() {
        List<SourceFeature> features = Fixtures.readAll(path("names-with-html-script.geojson"));
        assertThat(features.get(0).attributes())
                .containsEntry("名称", "<script>alert('x')</script>")
                .containsEntry("note", "<img src=x onerror=alert(1)> & \"quoted\"");
    }

    @Test
    void emptyFileIsRefused() {
        assertOpenRefused("empty-file.geojson", "file_empty");
    }

    @Test
    void singleFeatureAndBareGeometryAreOneFeatureEach() throws IOException {
        Path feature = Files.writeString(tmp.resolve("one.json"),
                "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[110.3,40.7]},\"properties\":{\"a\":1}}");
        Path bare = Files.writeString(tmp.resolve("bare.json"),
                "{\"type\":\"MultiLineString\",\"coordinates\":[[[110.3,40.7],[110.4,40.8]]]}");
        assertThat(Fixtures.readAll(feature)).singleElement().satisfies(f -> {
            assertThat(f.attributes()).containsEntry("a", 1L);
            assertThat(f.geometry().getSRID()).isZero();
        });
        assertThat(Fixtures.readAll(bare)).singleElement()
                .satisfies(f -> assertThat(f.geometry().getGeometryType()).isEqualTo("MultiLineString"));
    }

    @Test
    void aCrsMemberAfterTheFeaturesIsFoundPastBracketsAndQuotesInStrings() throws IOException {
        Path late = tmp.resolve("late-crs.geojson");
        Files.writeString(late, """
                \uFEFF{"features": [
                  {"type": "Feature", "properties": {"note": "]}\\" ], \\\\", "名称": "[{"},
                   "geometry": {"type": "Point", "coordinates": [40.7, 110.3]}}
                ] ,
                 "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::4490"}},
                 "type": "FeatureCollection"}
                """, StandardCharsets.UTF_8);
        try (FeatureSource source = FeatureReaders.open(late, ReadOptions.defaults())) {
            assertThat(source.crsHint()).isEqualTo(new CrsHint(4490, null, "geojson-crs"));
            assertThat(source.stream().toList()).singleElement()
                    .satisfies(f -> assertThat(f.attributes()).containsEntry("note", "]}\" ], \\"));
        }
    }

    @Test
    void aFeaturesArrayThatNeverEndsIsRefusedWhenOpened() throws IOException {
        Path cut = tmp.resolve("cut.geojson");
        Files.writeString(cut, "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\"",
                StandardCharsets.UTF_8);
        Fixtures.assertRefused(ImportException.JSON_MALFORMED, () -> Fixtures.readAll(cut));
    }

    @Test
    void utf8BomBeforeTheJsonIsAccepted() throws IOException {
        Path bom = tmp.resolve("bom.geojson");
        Files.write(bom, ("\uFEFF{\"type\":\"Point\",\"coordinates\":[110.3,40.7]}").getBytes(StandardCharsets.UTF_8));
        assertThat(Fixtures.readAll(bom)).singleElement().satisfies(f -> assertThat(f.geometry()).isNotNull());
    }

    @Test
    void hundredThousandFeaturesStreamWithFlatMemory() throws IOException {
        Path big = tmp.resolve("big.geojson");
        try (BufferedWriter w = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
            w.write("{\"type\":\"FeatureCollection\",\"features\":[");
            for (int i = 0; i < 100_000; i++) {
                w.write(i == 0 ? "" : ",");
                w.write("{\"type\":\"Feature\",\"properties\":{\"名称\":\"堆放点" + i + "\",\"n\":" + i
                        + "},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[110.3,40.7],[110.31,40.7],"
                        + "[110.31,40.71],[110.3,40.71],[110.3,40.7]]]}}");
            }
            w.write("]}");
        }
        assertThat(Files.size(big)).isGreaterThan(15_000_000);
        long before = usedHeapAfterGc();
        long peak = 0;
        long count = 0;
        double halfway = 0;
        try (FeatureSource source = FeatureReaders.open(big, ReadOptions.defaults())) {
            Iterator<SourceFeature> it = source.iterator();
            while (it.hasNext()) {
                it.next();
                if (++count % 25_000 == 0) {
                    peak = Math.max(peak, usedHeapAfterGc() - before);
                }
                if (count == 50_000) {
                    halfway = source.fractionRead().orElseThrow();
                }
            }
            assertThat(source.fractionRead()).hasValueCloseTo(1.0, within(0.001));
        }
        assertThat(count).isEqualTo(100_000);
        assertThat(halfway).isCloseTo(0.5, within(0.01));
        // Held as a tree the file would take hundreds of MB; streaming keeps only parser buffers and one feature.
        assertThat(peak).isLessThan(16L * 1024 * 1024);
    }

    private static long usedHeapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        return rt.totalMemory() - rt.freeMemory();
    }
}
