package org.wufei.gis.imports.read.geojson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wufei.gis.imports.read.Fixtures.path;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wufei.gis.imports.read.Fixtures;
import org.wufei.gis.imports.read.FeatureSource;
import org.wufei.gis.imports.read.ImportException;
import org.wufei.gis.imports.read.ReadOptions;
import org.wufei.gis.imports.read.SourceFeature;

/** Features read from tokens come out exactly as the tree reading gives them: geometry, attributes and errors. */
class GeoJsonFeatureTokensTest {

    @TempDir
    Path tmp;

    /** Plain features and every kind the token reading hands back to the tree, one per line. */
    private static final String[] FEATURES = {
        "{\"type\":\"Feature\",\"properties\":{\"名称\":\"甲\",\"n\":1,\"x\":2.5,\"b\":true,\"f\":false,\"z\":null},"
                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[110.2,40.7],[110.3,40.7],[110.3,40.8],[110.2,40.7]]]}}",
        "{\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[4,0],[4,4],[0,0]],[[1,1],[2,1],[2,2],[1,1]]]},"
                + "\"type\":\"Feature\",\"id\":7,\"properties\":{}}",
        "{\"type\":\"Feature\",\"properties\":null,\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":"
                + "[[[[0,0,5],[1,0,5],[1,1,5],[0,0,5]]],[[[2,2],[3,2],[3,3],[2,2]]]],\"bbox\":[0,0,3,3]}}",
        "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[110.25,40.75]}}",
        "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"MultiPoint\",\"coordinates\":[[1,2],[3,4]]}}",
        "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[1,2],[3,4]]}}",
        "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"MultiLineString\",\"coordinates\":[[[1,2],[3,4]]]}}",
        "{\"type\":\"Feature\",\"properties\":{\"big\":123456789012345678901234567890,\"neg\":-3,\"e\":1e3},\"geometry\":null}",
        "{\"type\":\"Feature\",\"properties\":{\"a\":1}}",
        // from here on the tree reads them
        "{\"type\":\"Feature\",\"properties\":{\"nested\":{\"k\":[1,2]},\"list\":[1,\"x\"]},"
                + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[1,2]}}",
        "{\"type\":\"Feature\",\"properties\":{\"a\":1,\"a\":2},\"geometry\":{\"type\":\"Point\",\"coordinates\":[1,2]}}",
        "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[1,2]},"
                + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[3,4]}}",
        "{\"type\":\"Feature\",\"properties\":\"text\",\"geometry\":{\"coordinates\":[1,2],\"type\":\"Point\"}}",
        "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Point\",\"coordinates\":[1,\"2\"]}}",
        "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Point\",\"coordinates\":[1,NaN]}}",
        "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Point\",\"coordinates\":[1,2,3,\"m\"]}}",
        "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Point\",\"coordinates\":[]}}",
        "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[]}}",
        "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1]]]}}",
        "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[0,0]]]}}",
        "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[0,0],[1,0]]}}",
        "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Circle\",\"coordinates\":[1,2]}}",
        "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Polygon\"}}",
        "{\"type\":\"Feature\",\"properties\":{},\"geometry\":\"POINT (1 2)\"}",
        "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"GeometryCollection\",\"geometries\":"
                + "[{\"type\":\"Point\",\"coordinates\":[1,2]},{\"type\":\"LineString\",\"coordinates\":[[1,2],[3,4]]}]}}",
        "{\"type\":\"Feature\",\"properties\":{\"long\":\"" + "长".repeat(70_000) + "\"},\"geometry\":null}",
        "{\"type\":\"Feature\",\"properties\":{\"名称\":\"after the odd ones\"},"
                + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[110.2,40.7]}}",
    };

    @Test
    void everyFeatureAndEveryErrorEqualsTheTreeReading() throws IOException {
        Path file = tmp.resolve("cases.geojson");
        Files.writeString(file, "{\"type\":\"FeatureCollection\",\"features\":[\n" + String.join(",\n", FEATURES)
                + "\n],\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::4490\"}}}",
                StandardCharsets.UTF_8);

        List<Object> tokens = read(file, true);

        assertThat(tokens).hasSize(FEATURES.length);
        assertThat(tokens).filteredOn(o -> o.toString().startsWith("error")).hasSize(8);
        assertThat(tokens).isEqualTo(read(file, false));
    }

    @Test
    void everyFixtureReadsAsTheTreeReadsIt() throws IOException {
        for (String name : List.of("geojson-invalid-bowtie-3d-repeated.geojson", "geojson-latitude-over-90.geojson",
                "geojson-legacy-crs-4490.geojson", "geojson-mixed-geometry-types.geojson",
                "geojson-nan-coordinates.geojson", "geojson-string-coordinates.geojson",
                "names-with-html-script.geojson", "text-with-tabs-newlines-backslashes.geojson")) {
            assertThat(read(path(name), true)).as(name).isEqualTo(read(path(name), false));
        }
    }

    @Test
    void brokenJsonInsideAFeatureIsStillMalformedJson() throws IOException {
        Path file = tmp.resolve("broken.geojson");
        Files.writeString(file, "{\"type\":\"FeatureCollection\",\"features\":[" + FEATURES[0] + ","
                + "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Point\",\"coordinates\":[1,\"x]}}]}");
        assertThatThrownBy(() -> read(file, true)).isInstanceOf(ImportException.class)
                .extracting(e -> ((ImportException) e).code()).isEqualTo(ImportException.JSON_MALFORMED);
    }

    /** Each feature as comparable text (class, SRID, exact coordinates, attributes) or its error. */
    private static List<Object> read(Path file, boolean tokens) {
        List<Object> out = new ArrayList<>();
        try (FeatureSource source = new GeoJsonFeatureSource(file, ReadOptions.defaults(), tokens)) {
            var it = source.iterator();
            while (it.hasNext()) {
                try {
                    SourceFeature f = it.next();
                    StringBuilder attributes = new StringBuilder();
                    f.attributes().forEach((k, v) -> attributes.append(k).append('=').append(v).append(" (")
                            .append(v == null ? null : v.getClass().getSimpleName()).append(") "));
                    out.add(List.of(f.index(), f.layer(), attributes.toString(),
                            f.geometry() == null ? "none" : f.geometry().getClass().getSimpleName() + " "
                                    + f.geometry().getSRID() + " " + Arrays.toString(f.geometry().getCoordinates())));
                } catch (ImportException e) {
                    out.add("error " + e.code() + " " + e.field() + " " + e.featureIndex() + " " + e.messageZh() + " " + e.messageEn());
                }
            }
        }
        return out;
    }
}
