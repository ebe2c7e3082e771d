package org.wufei.gis.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The indicators file: the district's file reads, and each kind of mistake refuses with file and entry named. */
class IndicatorFileTest {
    static final Set<String> PROVIDERS = Set.of("township-radius", "village-radius", "straw-tiers");

    @Test
    void theDistrictFileHoldsTheAnnexIndicators() {
        List<IndicatorDefinition> all = IndicatorFile.read(Path.of("gis-data/indicators.yml"), PROVIDERS);
        assertThat(all).extracting(IndicatorDefinition::annex).contains("34", "6", "17", "19");
        IndicatorDefinition straw = all.stream().filter(d -> d.annex().equals("17")).findFirst().orElseThrow();
        assertThat(straw.baseline()).isEqualTo(16.1);
        assertThat(straw.target()).isEqualTo(30);
        assertThat(straw.formula().type()).isEqualTo("coverage");
        assertThat(straw.formula().coverage().provider()).isEqualTo("straw-tiers");
        assertThat(straw.formula().coverage().tiers()).containsEntry("village_point", 3000.0)
                .containsEntry("township_centre", 10000.0).containsEntry("district_leader", null);
        IndicatorDefinition recycling = all.stream().filter(d -> d.annex().equals("19")).findFirst().orElseThrow();
        assertThat(recycling.formula().coverage().provider()).isEqualTo("village-radius");
        // the plan's figures for 19 are not transcribed: no invented baseline or target
        assertThat(recycling.baseline()).isNull();
        assertThat(recycling.target()).isNull();
    }

    @Test
    void aStrawTierCoverageWithoutItsThreeTiersRefusesStart(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("indicator-straw-tiers-without-tiers.yml");
        Files.writeString(file, entry("coverage: {provider: straw-tiers, servedBy: "
                + "[{kind: [straw_collection_point], status: [operating]}], radiusMetres: 5000}"));
        var definitions = IndicatorFile.read(file, PROVIDERS);
        List<CoverageSource> providers = List.of(new StrawTierCoverage(null));
        assertThatThrownBy(() -> new Indicators(definitions, null, null, providers))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'broken'")
                .hasMessageContaining("village_point");
        StrawTierCoverage straw = new StrawTierCoverage(null);
        java.util.Map<String, Double> tiers = new java.util.HashMap<>();
        tiers.put("village_point", 3000.0);
        tiers.put("township_centre", 10000.0);
        tiers.put("district_leader", null);
        assertThat(straw.problem(new CoverageSource.Reach(null, tiers))).isNull();
        tiers.put("village_point", null);
        assertThat(straw.problem(new CoverageSource.Reach(null, tiers))).contains("whole district");
    }

    @Test
    void aStatusTheLifecycleDoesNotHaveIsRefusedNamingFileAndEntry(@TempDir Path dir) throws Exception {
        assertRefused(dir, "indicator-with-unknown-status.yml", entry("count: [{kind: [waste_heap], status: [gone]}]"),
                "'broken'", "has the status 'gone'");
    }

    @Test
    void anUnknownKindKeyOrProviderIsRefused(@TempDir Path dir) throws Exception {
        assertRefused(dir, "indicator-with-unknown-kind.yml", entry("count: [{kind: [volcano], status: [open]}]"),
                "'broken'", "unknown kind 'volcano'");
        assertRefused(dir, "indicator-with-unknown-key.yml", entry("count: [{kind: [waste_heap], status: [closed], "
                + "colour: red}]"), "'broken'", "colour");
        assertRefused(dir, "indicator-with-unknown-provider.yml", entry("coverage: {provider: magic, servedBy: "
                + "[{kind: [recycling_site], status: [operating]}], radiusMetres: 10}"), "'broken'", "magic");
    }

    @Test
    void aFormulaOfTwoPartsOrNoneIsRefused(@TempDir Path dir) throws Exception {
        assertRefused(dir, "indicator-with-two-formulas.yml", entry("count: [{kind: [waste_heap], status: [closed]}]\n"
                + "      sumArea: [{kind: [waste_heap], status: [closed]}]"), "'broken'", "exactly one");
        assertRefused(dir, "indicators-not-a-list.yml", "indicators: 3\n", "(file)", "non-empty list");
    }

    private static String entry(String formula) {
        return """
                indicators:
                  - id: broken
                    annex: "99"
                    name: {zh: 坏指标, en: Broken}
                    unit: 个
                    formula:
                      %s
                """.formatted(formula);
    }

    private static void assertRefused(Path dir, String name, String yaml, String entry, String problem)
            throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, yaml);
        assertThatThrownBy(() -> IndicatorFile.read(file, PROVIDERS)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(name).hasMessageContaining(entry).hasMessageContaining(problem);
    }
}
