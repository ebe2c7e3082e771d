package org.wufei.gis.ogc.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.wufei.gis.catalog.Catalog;
import org.wufei.gis.catalog.CollectionSource;
import org.wufei.gis.catalog.DataVersions;
import org.wufei.gis.catalog.FeatureRow;
import org.wufei.gis.catalog.FeatureStore;
import org.wufei.gis.catalog.ItemsRequest;
import org.wufei.gis.common.DatabaseKind;
import org.wufei.gis.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * numberMatched and the pages are the same however they are counted: with the page in one statement, by a count
 * of their own when the matches pass the inline bound, or left out above the ceiling; and an items page's
 * geometries are the same whether the database or the service writes them. Run on both databases.
 */
@IntegrationTest
abstract class ItemsCountingContract extends OgcClient {
    @Autowired
    Catalog catalog;
    @Autowired
    JdbcTemplate jdbcTemplate;
    @Autowired
    PlatformTransactionManager tm;
    @Autowired
    DataVersions versions;
    @Autowired
    DatabaseKind database;

    private FeatureStore store(long ceiling, long inlineBound) {
        return new FeatureStore(jdbc, jdbcTemplate, tm, versions, database, ceiling, inlineBound);
    }

    private static ItemsRequest page(String tag, int limit, long offset, boolean geometry) {
        return new ItemsRequest(List.of(new Envelope(110.2, 110.3, 40.6, 40.7)), "s.name LIKE ?", List.of(tag + "%"),
                "s.name DESC", limit, offset, List.of("name", "status"), geometry);
    }

    @Test
    void pagesAndNumberMatchedAgreeWhetherCountedWithThePageByThemselvesOrNotAtAll() {
        String tag = "OGC-count-" + System.nanoTime();
        for (int i = 0; i < 5; i++) {
            create(tag + "-" + i, 110.2670 + i * 0.002);
        }
        CollectionSource heaps = catalog.require("waste_heaps");
        FeatureStore inline = store(100_000, 10);
        FeatureStore separate = store(100_000, 2);
        FeatureStore above = store(3, 3);
        List<String> names = new ArrayList<>();
        for (long offset = 0; offset < 6; offset += 2) {
            FeatureStore.Page a = inline.page(heaps, page(tag, 2, offset, false), false);
            FeatureStore.Page b = separate.page(heaps, page(tag, 2, offset, false), false);
            FeatureStore.Page c = above.page(heaps, page(tag, 2, offset, false), false);
            assertThat(a.matched()).isEqualTo(OptionalLong.of(5));
            assertThat(b.matched()).isEqualTo(OptionalLong.of(5));
            assertThat(c.matched()).as("above the ceiling").isEqualTo(offset == 4 ? OptionalLong.of(5)
                    : OptionalLong.empty());
            assertThat(ids(b)).isEqualTo(ids(a));
            assertThat(ids(c)).isEqualTo(ids(a));
            a.rows().forEach(r -> names.add((String) r.properties().get("name")));
        }
        assertThat(names).containsExactly(tag + "-4", tag + "-3", tag + "-2", tag + "-1", tag + "-0");
        assertThat(store(100_000, 10).page(heaps, page(tag, 2, 8, false), false).matched())
                .as("an empty page past the end still counts").isEqualTo(OptionalLong.of(5));
        assertThat(store(100_000, 10).page(heaps, page(tag + "-none", 2, 0, false), false).matched())
                .isEqualTo(OptionalLong.of(0));
    }

    @Test
    void anItemsPageHasTheSameGeometriesWhoeverWritesThem() {
        String tag = "OGC-geojson-" + System.nanoTime();
        long id = create(tag, 110.2674);
        CollectionSource heaps = catalog.require("waste_heaps");
        FeatureRow byDatabase = store(100_000, 10).page(heaps, page(tag, 1, 0, true), true).rows().get(0);
        FeatureRow byService = store(100_000, 10).page(heaps, page(tag, 1, 0, true), false).rows().get(0);
        assertThat(byService.geometryGeoJson()).isNull();
        assertThat(byService.geometry()).isNotNull();
        if (database == DatabaseKind.POSTGIS) {
            assertThat(byDatabase.geometryGeoJson()).isNotNull();
        }
        JsonNode page = http.get(ITEMS + "?filter=" + enc("name = '" + tag + "'")).json();
        JsonNode crs84 = page.path("features").get(0).path("geometry");
        JsonNode single = http.get(ITEMS + "/" + id).json().path("geometry");
        assertThat(crs84).isEqualTo(single);
        JsonNode latLon = http.get(ITEMS + "?crs=http://www.opengis.net/def/crs/EPSG/0/4326&filter="
                + enc("name = '" + tag + "'")).json().path("features").get(0).path("geometry");
        assertThat(latLon.path("coordinates").get(0).get(0).get(0)).isEqualTo(crs84.path("coordinates")
                .get(0).get(0).get(1));
    }

    private static List<Long> ids(FeatureStore.Page p) {
        return p.rows().stream().map(FeatureRow::id).toList();
    }
}
