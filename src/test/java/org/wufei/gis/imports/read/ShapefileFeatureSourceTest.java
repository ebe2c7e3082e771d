package org.wufei.gis.imports.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wufei.gis.imports.read.Fixtures.assertOpenRefused;
import static org.wufei.gis.imports.read.Fixtures.path;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

class ShapefileFeatureSourceTest {

    @Test
    void gbkShapefileInASubfolderReadsChineseAttributesAndRawPrj() {
        try (FeatureSource source = FeatureReaders.open(path("shapefile-gbk-cgcs2000-gk111.zip"), ReadOptions.defaults())) {
            assertThat(source.crsHint().declaredBy()).isEqualTo("prj");
            assertThat(source.crsHint().epsg()).isNull();
            assertThat(source.crsHint().prjWkt()).startsWith("PROJCS[\"CGCS2000_3_Degree_GK_CM_111E\"");
            assertThat(source.estimatedCount()).hasValue(3);
            List<SourceFeature> features = source.stream().toList();
            assertThat(features).extracting(f -> f.attributes().get("名称"))
                    .containsExactly("石拐镇建筑垃圾堆放点", "五当召镇尾矿库", "吉忽伦图苏木秸秆收集点");
            SourceFeature first = features.get(0);
            assertThat(first.attributes()).containsEntry("类型", "建筑垃圾").containsKey("面积");
            assertThat(((Number) first.attributes().get("面积")).doubleValue()).isEqualTo(1520.5);
            assertThat(first.layer()).isEqualTo("sites");
            assertThat(first.index()).isEqualTo(1);
            // EPSG:4546 metres near the district: easting a little west of the 500 km false easting (CM 111E), northing around 4.5 Mm.
            Envelope env = first.geometry().getEnvelopeInternal();
            assertThat(env.getMinX()).isBetween(400_000.0, 500_000.0);
            assertThat(env.getMinY()).isBetween(4_400_000.0, 4_600_000.0);
            assertThat(first.geometry().getSRID()).isZero();
            assertThat(source.warnings()).isEmpty();
        }
    }

    @Test
    void utf8WithoutCpgIsDetected() {
        List<SourceFeature> features = Fixtures.readAll(path("shapefile-utf8-no-cpg.zip"));
        assertThat(features).hasSize(3);
        assertThat(features.get(1).attributes()).containsEntry("名称", "五当召镇尾矿库");
    }

    @Test
    void cpgThatContradictsTheBytesIsOverruledWithAWarning() {
        try (FeatureSource source = FeatureReaders.open(path("shapefile-gbk-bytes-cpg-says-utf8.zip"), null)) {
            assertThat(source.stream().map(f -> f.attributes().get("名称")))
                    .contains("石拐镇建筑垃圾堆放点")
                    .noneMatch(name -> ((String) name).contains("\uFFFD"));
            assertThat(source.warnings()).singleElement().asString().contains(".cpg", "UTF-8");
        }
    }

    @Test
    void severalShapefilesAreSeveralLayersAndOneCanBeChosen() {
        try (FeatureSource source = FeatureReaders.open(path("shapefile-two-layers.zip"), ReadOptions.defaults())) {
            assertThat(source.stream().map(SourceFeature::layer).distinct()).containsExactly("heaps", "ponds");
            assertThat(source.crsHint("ponds").prjWkt()).contains("GCS_WGS_1984");
        }
        List<SourceFeature> ponds = Fixtures.readAll(path("shapefile-two-layers.zip"), new ReadOptions(null, "ponds", null));
        assertThat(ponds).hasSize(3).allMatch(f -> f.layer().equals("ponds"));
    }

    @Test
    void missingShxIsIncomplete() {
        assertOpenRefused("shapefile-missing-shx.zip", "shapefile_incomplete");
    }

    @Test
    void missingDbfIsIncomplete() {
        assertOpenRefused("shapefile-missing-dbf.zip", "shapefile_incomplete");
    }
}
