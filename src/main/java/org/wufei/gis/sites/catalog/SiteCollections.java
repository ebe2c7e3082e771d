package org.wufei.gis.sites.catalog;

import java.util.List;
import org.springframework.stereotype.Component;
import org.wufei.gis.catalog.CollectionGroup;
import org.wufei.gis.catalog.CollectionSource;
import org.wufei.gis.common.DatabaseKind;
import org.wufei.gis.common.District;
import org.wufei.gis.common.Labels;
import org.wufei.gis.common.PublicProjection;
import org.wufei.gis.sites.KindRegistry;
import org.wufei.gis.sites.SiteKind;

/** One catalog collection source per kind definition, in definition order (the reference layers follow). */
@Component
public class SiteCollections implements CollectionGroup {
    private final List<CollectionSource> sources;

    SiteCollections(KindRegistry kinds, District district, Labels labels, PublicProjection projection,
            DatabaseKind database) {
        List<String> townships = district.townships().stream().map(District.Township::name).toList();
        this.sources = kinds.all().stream().map(kind -> (CollectionSource) new SiteCollectionSource(kind,
                List.copyOf(kind.lifecycle().states()), townships, labels, district.name(), district.nameEn(),
                projection.attributes(kind.id()), database)).toList();
    }

    @Override
    public List<CollectionSource> sources() {
        return sources;
    }
}
