package org.wufei.gis.imports.read.kml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wufei.gis.imports.read.Fixtures.assertOpenRefused;
import static org.wufei.gis.imports.read.Fixtures.path;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.wufei.gis.imports.read.Fixtures;
import org.wufei.gis.imports.read.CrsHint;
import org.wufei.gis.imports.read.FeatureReaders;
import org.wufei.gis.imports.read.FeatureSource;
import org.wufei.gis.imports.read.SourceFeature;

class KmlFeatureSourceTest {

    @Test
    void placemarksWithExtendedDataAndEveryGeometryKind() {
        Fixtures.Outcome outcome = Fixtures.readCollectingErrors(path("kml-placemarks-extendeddata.kml"));
        List<SourceFeature> features = outcome.features();
        assertThat(features).extracting(f -> f.attributes().get("name"))
                .containsExactly("疑似建筑垃圾堆放点", "尾矿库", "运输路线", "秸秆收集点群", "最后一个");
        SourceFeature first = features.get(0);
        assertThat(first.geometry()).isInstanceOf(Point.class);
        assertThat(first.geometry().getSRID()).isEqualTo(4326);
        assertThat(first.geometry().getCoordinate().x).isEqualTo(110.2712);
        assertThat(first.attributes()).containsEntry("description", "<b>无人机</b> 2024-05-01 发现")
                .containsEntry("置信度", "0.87").containsEntry("类型", "建筑垃圾").containsEntry("面积", "1520.5");
        assertThat(features.get(1).geometry()).isInstanceOf(Polygon.class);
        assertThat(((Polygon) features.get(1).geometry()).getNumInteriorRing()).isEqualTo(1);
        assertThat(features.get(2).geometry()).isInstanceOf(LineString.class);
        assertThat(features.get(3).geometry()).isInstanceOf(MultiPoint.class);
        assertThat(features.get(4).index()).isEqualTo(6);
        assertThat(outcome.errors()).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo("coordinate_not_number");
            assertThat(e.featureIndex()).hasValue(5);
        });
    }

    @Test
    void kmlIsDeclaredWgs84() {
        try (FeatureSource source = FeatureReaders.open(path("kml-placemarks-extendeddata.kml"), null)) {
            assertThat(source.crsHint()).isEqualTo(new CrsHint(4326, null, "kml"));
        }
    }

    @Test
    void aKmzPlacemarkListsThePhotosItNamesAndItsFolder() {
        try (FeatureSource source = FeatureReaders.open(path("kmz-placemarks-with-photos.kmz"), null)) {
            List<SourceFeature> features = source.stream().toList();
            assertThat(features.get(0).attributes()).containsEntry("images", List.of("files/photo-1.png"))
                    .containsEntry("folder", "现场照片");
            assertThat(features.get(1).attributes()).containsEntry("images", List.of("files/photo-2.png"));
            assertThat(features.get(2).attributes()).doesNotContainKey("images");
            assertThat(source.media()).containsOnlyKeys("files/photo-1.png", "files/photo-2.png");
        }
    }

    @Test
    void kmlStylesAndNestedFolderNamesAreKept() {
        List<SourceFeature> features = Fixtures.readAll(path("kml-drone-8-points-4-polygons.kml"));
        assertThat(features).hasSize(12);
        assertThat(features.get(0).attributes()).containsEntry("folder", "点位").containsEntry("style", "#heap-point");
        assertThat(features.get(11).attributes()).containsEntry("folder", "图斑")
                .containsEntry("style_color", "7f0000ff");
    }

    @Test
    void kmzReadsItsDocKml() {
        List<SourceFeature> features = Fixtures.readAll(path("kmz-doc.kmz"));
        assertThat(features).singleElement().satisfies(f -> {
            assertThat(f.attributes()).containsEntry("name", "无人机航拍疑似点").containsEntry("航次", "DJI-0501");
            assertThat(f.layer()).isEqualTo("kmz-doc");
        });
    }

    @Test
    void externalEntityIsRefused() {
        assertOpenRefused("kml-with-external-entity.kml", "xml_entity_refused");
    }

    @Test
    @Timeout(10)
    void billionLaughsIsRefusedWithoutExpanding() {
        assertOpenRefused("kml-billion-laughs.kml", "xml_entity_refused");
    }
}
