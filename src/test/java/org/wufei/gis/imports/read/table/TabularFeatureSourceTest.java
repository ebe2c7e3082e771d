package org.wufei.gis.imports.read.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wufei.gis.imports.read.Fixtures.assertOpenRefused;
import static org.wufei.gis.imports.read.Fixtures.assertRefused;
import static org.wufei.gis.imports.read.Fixtures.path;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Point;
import org.wufei.gis.imports.read.Fixtures;
import org.wufei.gis.imports.read.CrsHint;
import org.wufei.gis.imports.read.FeatureReaders;
import org.wufei.gis.imports.read.FeatureSource;
import org.wufei.gis.imports.read.ImportException;
import org.wufei.gis.imports.read.ImportLimits;
import org.wufei.gis.imports.read.ReadOptions;
import org.wufei.gis.imports.read.SourceFeature;

class TabularFeatureSourceTest {

    @TempDir
    Path tmp;

    @Test
    void utf8BomCsvWithPaddedMixedCaseLonLatHeaders() {
        try (FeatureSource source = FeatureReaders.open(path("csv-gcj02-lonlat-utf8-bom.csv"), null)) {
            // GCJ-02 cannot be told from the file: the uploader says so, the crs package converts.
            assertThat(source.crsHint()).isEqualTo(CrsHint.none());
            List<SourceFeature> features = source.stream().toList();
            assertThat(features).hasSize(2);
            assertThat(features.get(0).attributes()).containsOnlyKeys("名称", "来源").containsEntry("名称", "石拐镇垃圾点");
            assertThat(features.get(1).attributes()).containsEntry("名称", "五当召,东侧");
            assertThat(features.get(0).geometry()).isInstanceOf(Point.class);
            assertThat(features.get(0).geometry().getCoordinate().x).isEqualTo(110.2773);
            assertThat(features.get(0).geometry().getCoordinate().y).isEqualTo(40.7021);
        }
    }

    @Test
    void gbkSemicolonCsvWithChineseCoordinateHeaders() {
        List<SourceFeature> features = Fixtures.readAll(path("csv-gbk-jingdu-weidu.csv"));
        assertThat(features).extracting(f -> f.attributes().get("名称"))
                .containsExactly("石拐镇建筑垃圾堆放点", "吉忽伦图苏木秸秆收集点", "坐标缺失");
        assertThat(features.get(1).geometry().getCoordinate().x).isEqualTo(110.4501);
        assertThat(features.get(2).geometry()).as("a row without coordinates has no geometry").isNull();
    }

    @Test
    void wktColumnGivesAnyGeometry() {
        List<SourceFeature> features = Fixtures.readAll(path("csv-wkt-column.csv"));
        assertThat(features).extracting(f -> f.geometry().getGeometryType()).containsExactly("Polygon", "LineString");
        assertThat(features.get(0).attributes()).containsOnlyKeys("name");
    }

    @Test
    void csvWithoutCoordinateColumnsIsRefused() {
        assertOpenRefused("csv-without-coordinate-columns.csv", "csv_no_coordinates");
    }

    @Test
    void tabDelimitedWithNonNumericCoordinateIsAPerRowError() throws IOException {
        Path csv = Files.writeString(tmp.resolve("t.txt"),
                "name\tX\tY\na\t110.3\t40.7\nb\tNaN\t40.7\nc\t东经110度\t40.7\nd\t110.4\t40.8\n");
        Fixtures.Outcome outcome = Fixtures.readCollectingErrors(csv);
        assertThat(outcome.features()).extracting(f -> f.attributes().get("name")).containsExactly("a", "d");
        assertThat(outcome.errors()).extracting(ImportException::code)
                .containsExactly("coordinate_not_number", "coordinate_not_number");
        assertThat(outcome.errors()).extracting(ImportException::field).containsExactly("X", "X");
    }

    @Test
    void xlsxFirstSheetWithChineseHeadersAndTypedCells() {
        List<SourceFeature> features = Fixtures.readAll(path("xlsx-jingdu-weidu.xlsx"));
        assertThat(features).hasSize(2);
        SourceFeature first = features.get(0);
        assertThat(first.layer()).isEqualTo("疑似点");
        assertThat(first.geometry().getCoordinate().x).isEqualTo(110.2712);
        assertThat(first.attributes()).containsEntry("名称", "石拐镇建筑垃圾堆放点").containsEntry("面积", 1520.5);
        assertThat(features.get(1).attributes()).containsEntry("面积", 8830L);
        assertThat(first.attributes().get("发现日期")).isEqualTo(LocalDateTime.of(2024, 5, 1, 0, 0));
    }

    @Test
    void xlsxUnknownSheetIsRefused() {
        assertRefused("layer_not_found",
                () -> FeatureReaders.open(path("xlsx-jingdu-weidu.xlsx"), new ReadOptions(null, "Sheet9", null)));
    }

    @Test
    void aliasesAreSharedAndCaseInsensitive() {
        assertThat(CoordinateColumns.resolve(List.of(" Longitude ", "LATITUDE"), "t", ImportLimits.defaults())
                .toFeature(1, List.of("110.3", "40.7")).geometry()).isNotNull();
        assertThat(CoordinateColumns.resolve(List.of("东经", "北纬"), "t", ImportLimits.defaults())
                .toFeature(1, List.of(110.3, 40.7)).geometry()).isNotNull();
        assertThat(CoordinateColumns.resolve(List.of("lng", "lat"), "t", ImportLimits.defaults())
                .toFeature(1, List.of("110.3", "40.7")).geometry()).isNotNull();
        assertThat(CoordinateColumns.resolve(List.of("GEOM"), "t", ImportLimits.defaults())
                .toFeature(1, List.of("POINT(110.3 40.7)")).geometry()).isNotNull();
    }
}
