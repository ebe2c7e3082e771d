package org.wufei.gis.tiles;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.wufei.gis.catalog.Catalog;
import org.wufei.gis.catalog.CollectionSource;
import org.wufei.gis.common.ApiException;

/** Every catalog collection as a tile layer; the site collections also make up the multi-layer dataset tiles. */
@Component
class TileLayers {
    private final Map<String, TileLayer> byId = new LinkedHashMap<>();
    private final Catalog catalog;

    TileLayers(Catalog catalog) {
        this.catalog = catalog;
        for (CollectionSource source : catalog.all()) {
            boolean site = source.siteCollection() && source.tiles().propertyColumns().containsKey("status");
            boolean polygonal = !source.geometryType().contains("Point");
            byId.put(source.id(), TileLayer.of(source.id(), source.title(), source.tiles(), site, polygonal));
        }
    }

    Optional<TileLayer> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The layer this reader may see: 404 when there is none, 401 when only signed-in users may read it. */
    TileLayer require(String id, boolean anonymous) {
        catalog.require(id, anonymous);
        return byId(id).orElseThrow(() -> ApiException.notFound("collection", id));
    }

    List<TileLayer> all() {
        return List.copyOf(byId.values());
    }

    /** The layers of the multi-layer dataset tiles: the site collections. */
    List<TileLayer> siteLayers() {
        return byId.values().stream().filter(TileLayer::siteCollection).toList();
    }
}
