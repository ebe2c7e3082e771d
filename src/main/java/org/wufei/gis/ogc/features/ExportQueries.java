package org.wufei.gis.ogc.features;

import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.wufei.gis.catalog.Catalog;
import org.wufei.gis.catalog.CollectionSource;
import org.wufei.gis.export.CollectionQueries;

/** The items parameter parsing, offered to exports that live outside this module. */
@Component
class ExportQueries implements CollectionQueries {
    private final Catalog catalog;
    private final ItemsQueryParser parser;

    ExportQueries(Catalog catalog, ItemsQueryParser parser) {
        this.catalog = catalog;
        this.parser = parser;
    }

    @Override
    public Parsed parse(String collectionId, MultiValueMap<String, String> params) {
        CollectionSource source = catalog.require(collectionId);
        ItemsQuery q = parser.parse(source, params);
        return new Parsed(source, q.toRequest(), q.params().containsKey(OgcParams.LIMIT), q.crs());
    }
}
