package org.wufei.gis.sites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wufei.gis.sites.kinds.KindDefinitionException;

/** The kind definitions: the shipped ones load; each kind of bad file refuses the start naming file and line. */
class KindRegistryTest {
    private static final Path FIXTURES = Path.of("src/test/resources/kinds");

    @Test
    void theShippedDefinitionsLoadWithTheirAttributesAndLifecycles() {
        KindRegistry kinds = KindRegistry.loadDefault();
        assertThat(kinds.ids()).startsWith("waste_heap", "tailings_pond", "green_mine", "straw_collection_point",
                "recycling_site");
        SiteKind heap = kinds.get("waste_heap");
        assertThat(heap.collectionId()).isEqualTo("waste_heaps");
        assertThat(heap.polygonal()).isTrue();
        assertThat(heap.attribute("category").orElseThrow().required()).isTrue();
        assertThat(heap.attribute("category").orElseThrow().codeLabels().get("coal_gangue"))
                .containsEntry("zh", "煤矸石堆场");
        assertThat(heap.lifecycle().initialState()).isEqualTo("suspected");
        assertThat(heap.lifecycle().find("closed", "confirmed")).as("reopening (反弹/回头看)").isPresent();
        assertThat(heap.isClosed("closed")).as("closed despite its reopening edge").isTrue();
        assertThat(heap.isClosed("rectifying")).isFalse();
        assertThat(heap.allows("point")).as("a point detection becomes a point heap").isTrue();
        assertThat(kinds.byCollectionId("recycling_sites")).map(SiteKind::id).contains("recycling_site");
        for (SiteKind k : kinds.all()) {
            assertThat(k.statusLabels().keySet()).as(k.id()).containsAll(k.lifecycle().states());
        }
    }

    @Test
    void anExtraDirectoryAddsAKind() {
        KindRegistry kinds = KindRegistry.load(List.of(Path.of(KindRegistry.DEFAULT_DIR),
                FIXTURES.resolve("new-kind")));
        SiteKind yard = kinds.get("compost_yard");
        assertThat(yard.allows("point")).isTrue();
        assertThat(yard.allows("polygon")).isTrue();
        assertThat(yard.lifecycle().states()).containsExactly("proposed", "running", "stopped");
    }

    @Test
    void malformedYamlNamesFileAndLine() {
        assertThatThrownBy(() -> KindRegistry.load(List.of(FIXTURES.resolve("malformed-yaml"))))
                .isInstanceOf(KindDefinitionException.class)
                .hasMessageContaining("malformed-yaml/test_kind.yml line ");
    }

    @Test
    void anUnknownAttributeTypeNamesFileLineAndType() {
        assertThatThrownBy(() -> KindRegistry.load(List.of(FIXTURES.resolve("unknown-attribute-type"))))
                .isInstanceOf(KindDefinitionException.class)
                .hasMessageContaining("unknown-attribute-type/test_kind.yml line 13")
                .hasMessageContaining("decimal");
    }

    @Test
    void aLifecycleNamingAnUnknownStatusNamesTheTableAndLine() {
        assertThatThrownBy(() -> KindRegistry.load(List.of(FIXTURES.resolve("lifecycle-unknown-status"))))
                .isInstanceOf(KindDefinitionException.class)
                .hasMessageContaining("lifecycle-unknown-status/test_kind.lifecycle.csv line 3")
                .hasMessageContaining("'closed'");
    }

    @Test
    void twoKindsWithOneIdNameBothFiles() {
        assertThatThrownBy(() -> KindRegistry.load(List.of(FIXTURES.resolve("duplicate-id"))))
                .isInstanceOf(KindDefinitionException.class)
                .hasMessageContaining("test_kind_b.yml")
                .hasMessageContaining("already defined by")
                .hasMessageContaining("duplicate-id/test_kind.yml");
    }

    @Test
    void aKindCannotShadowTheCommonSiteFields() {
        assertThat(org.wufei.gis.sites.kinds.KindFiles.COMMON).contains("status", "code", "name");
    }
}
