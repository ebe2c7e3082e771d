package org.wufei.gis.imports.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wufei.gis.imports.read.Fixtures.assertRefused;
import static org.wufei.gis.imports.read.Fixtures.path;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

class GeoPackageFeatureSourceTest {

    @Test
    void everyFeatureTableIsReadWithItsOwnSrs() {
        try (FeatureSource source = FeatureReaders.open(path("geopackage-two-layers.gpkg"), ReadOptions.defaults())) {
            assertThat(source.estimatedCount()).hasValue(5);
            assertThat(source.crsHint("waste_heaps").epsg()).isEqualTo(4490);
            assertThat(source.crsHint("waste_heaps").declaredBy()).isEqualTo("gpkg");
            assertThat(source.crsHint("recycling_sites").epsg()).isEqualTo(4326);
            List<SourceFeature> features = source.stream().toList();
            assertThat(features).extracting(SourceFeature::layer)
                    .containsExactly("waste_heaps", "waste_heaps", "waste_heaps", "recycling_sites", "recycling_sites");
            SourceFeature heap = features.get(0);
            assertThat(heap.geometry()).isInstanceOf(Polygon.class);
            assertThat(heap.geometry().getSRID()).isEqualTo(4490);
            assertThat(heap.attributes()).containsEntry("名称", "石拐镇建筑垃圾堆放点").containsEntry("面积", 1520.5)
                    .doesNotContainKey("fid").doesNotContainKey("geom");
            SourceFeature site = features.get(3);
            assertThat(site.index()).isEqualTo(1);
            assertThat(site.geometry()).isInstanceOf(Point.class);
            assertThat(site.geometry().getSRID()).isEqualTo(4326);
            assertThat(site.attributes()).containsEntry("名称", "石拐垃圾转运站");
        }
    }

    @Test
    void oneLayerCanBeChosen() {
        List<SourceFeature> features = Fixtures.readAll(path("geopackage-two-layers.gpkg"),
                new ReadOptions(null, "recycling_sites", null));
        assertThat(features).hasSize(2).allMatch(f -> f.layer().equals("recycling_sites"));
    }

    @Test
    void unknownLayerIsABadRequest() {
        assertRefused("layer_not_found", () -> FeatureReaders.open(path("geopackage-two-layers.gpkg"),
                new ReadOptions(null, "rivers", null)));
    }
}
