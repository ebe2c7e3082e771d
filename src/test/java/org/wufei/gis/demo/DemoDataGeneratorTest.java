package org.wufei.gis.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.wufei.gis.common.District;
import org.wufei.gis.common.Districts;
import org.wufei.gis.sites.Lifecycles;
import org.wufei.gis.sites.SiteKind;

/** The demo district is generated, deterministic, and what gis-data/ holds is exactly what it generates. */
class DemoDataGeneratorTest {
    static final org.wufei.gis.sites.KindRegistry KINDS = org.wufei.gis.sites.KindRegistry.loadDefault();
    private static final Path GIS_DATA = Path.of("gis-data");

    @Test
    void committedDemoDataIsExactlyWhatTheGeneratorWrites(@TempDir Path dir) throws IOException {
        new DemoDataGenerator(district()).writeTo(dir);
        for (String file : List.of("townships.geojson", "rivers.geojson", "sites.geojson")) {
            assertThat(Files.readString(dir.resolve(file))).as(file
                    + " differs: regenerate with ./mvnw -q exec:java -Dexec.mainClass="
                    + "org.wufei.gis.demo.DemoDataGenerator -Dexec.args=gis-data")
                    .isEqualTo(Files.readString(GIS_DATA.resolve(file)));
        }
    }

    @Test
    void townshipsTileTheDistrictWithoutGapsOrOverlaps() throws IOException {
        DistrictShapes shapes = new DistrictShapes(district());
        double total = shapes.townships.stream().mapToDouble(Geometry::getArea).sum();
        assertThat(total).isCloseTo(shapes.outline.getArea(), org.assertj.core.data.Percentage.withPercentage(0.01));
        for (int i = 0; i < shapes.townships.size(); i++) {
            for (int j = i + 1; j < shapes.townships.size(); j++) {
                assertThat(shapes.townships.get(i).intersection(shapes.townships.get(j)).getArea())
                        .isLessThan(1e-9);
            }
        }
    }

    @Test
    void everyKindHasItsCountAndEveryLifecycleStateWithAValidPath() throws IOException {
        List<GeneratedSite> sites = new DemoDataGenerator(district()).sites();
        Map<SiteKind, List<GeneratedSite>> byKind = sites.stream().collect(Collectors.groupingBy(GeneratedSite::kind));
        Lifecycles lifecycles = Lifecycles.load();
        for (SiteKind kind : KINDS.all()) {
            assertThat(byKind.get(kind)).hasSize(kind.demoCount());
            assertThat(byKind.get(kind).stream().map(GeneratedSite::status).distinct())
                    .containsExactlyInAnyOrderElementsOf(lifecycles.of(kind).states());
        }
        assertThat(sites).allSatisfy(s -> {
            assertThat(s.township()).isNotNull();
            assertThat(s.geometry().isValid()).isTrue();
            assertThat(s.history().get(s.history().size() - 1).to()).isEqualTo(s.status());
        });
        assertThat(sites.stream().map(GeneratedSite::name)).contains("凯越煤矿", "凯通煤矿");
    }

    private static District district() throws IOException {
        return Districts.read(GIS_DATA.resolve("district.json"));
    }
}
