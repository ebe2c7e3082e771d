package org.wufei.gis.sites.catalog;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.wufei.gis.catalog.CollectionSource;
import org.wufei.gis.common.District;
import org.wufei.gis.common.Labels;
import org.wufei.gis.common.PublicProjection;
import org.wufei.gis.sites.Lifecycles;
import org.wufei.gis.sites.SiteKind;

/** One catalog collection source per site kind (the reference layers are components of their own). */
@Configuration
class SiteCollections {

    @Bean
    @Order(1)
    CollectionSource wasteHeaps(Lifecycles lifecycles, District district, Labels labels,
            PublicProjection projection) {
        return site(SiteKind.WASTE_HEAP, lifecycles, district, labels, projection);
    }

    @Bean
    @Order(2)
    CollectionSource tailingsPonds(Lifecycles lifecycles, District district, Labels labels,
            PublicProjection projection) {
        return site(SiteKind.TAILINGS_POND, lifecycles, district, labels, projection);
    }

    @Bean
    @Order(3)
    CollectionSource greenMines(Lifecycles lifecycles, District district, Labels labels,
            PublicProjection projection) {
        return site(SiteKind.GREEN_MINE, lifecycles, district, labels, projection);
    }

    @Bean
    @Order(4)
    CollectionSource strawCollectionPoints(Lifecycles lifecycles, District district, Labels labels,
            PublicProjection projection) {
        return site(SiteKind.STRAW_COLLECTION_POINT, lifecycles, district, labels, projection);
    }

    @Bean
    @Order(5)
    CollectionSource recyclingSites(Lifecycles lifecycles, District district, Labels labels,
            PublicProjection projection) {
        return site(SiteKind.RECYCLING_SITE, lifecycles, district, labels, projection);
    }

    private static CollectionSource site(SiteKind kind, Lifecycles lifecycles, District district, Labels labels,
            PublicProjection projection) {
        List<String> statuses = List.copyOf(lifecycles.of(kind).states());
        List<String> townships = district.townships().stream().map(District.Township::name).toList();
        return new SiteCollectionSource(kind, statuses, townships, labels, district.name(), district.nameEn(),
                projection.attributes(kind.id()));
    }
}
