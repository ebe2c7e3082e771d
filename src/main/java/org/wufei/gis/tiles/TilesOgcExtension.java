package org.wufei.gis.tiles;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.wufei.gis.catalog.CollectionSource;
import org.wufei.gis.common.Texts;
import org.wufei.gis.ogc.ConformanceDeclaration;
import org.wufei.gis.ogc.OgcLinkContributor;
import org.wufei.gis.tiles.styles.SiteStyles;

/** What tiles adds to the OGC documents: conformance classes, and tileset links on the landing page and collections. */
@Component
class TilesOgcExtension implements ConformanceDeclaration, OgcLinkContributor {
    private static final String TILES = "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/";
    static final String REL_TILESETS_VECTOR = "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector";
    static final String REL_TILING_SCHEMES = "http://www.opengis.net/def/rel/ogc/1.0/tiling-schemes";
    static final String REL_STYLES = "http://www.opengis.net/def/rel/ogc/1.0/styles";

    private final TileLayers layers;

    TilesOgcExtension(TileLayers layers) {
        this.layers = layers;
    }

    @Override
    public List<String> conformsTo() {
        return List.of(TILES + "core", TILES + "tileset", TILES + "tilesets-list", TILES + "geodata-tilesets",
                TILES + "dataset-tilesets", TILES + "oas30", TILES + "mvt",
                "http://www.opengis.net/spec/tms/2.0/conf/tilematrixset",
                "http://www.opengis.net/spec/tms/2.0/conf/json-tilematrixset",
                "http://www.opengis.net/spec/tms/2.0/conf/tileset",
                "http://www.opengis.net/spec/tms/2.0/conf/json-tileset");
    }

    @Override
    public List<Map<String, Object>> landing(String base) {
        return List.of(
                TileDocuments.link(REL_TILING_SCHEMES, TileDocuments.JSON, base + "/tileMatrixSets",
                        Texts.bilingual("tiles.link.tile_matrix_sets")),
                TileDocuments.link(REL_TILESETS_VECTOR, TileDocuments.JSON, base + "/tiles",
                        Texts.bilingual("tiles.link.all_vector_tiles")),
                TileDocuments.link(REL_STYLES, TileDocuments.JSON, base + "/styles",
                        Texts.bilingual("tiles.link.styles")),
                TileDocuments.link("stylesheet", SiteStyles.MAPBOX, base + "/styles/" + SiteStyles.STYLE_ID
                        + "?f=mapbox", Texts.bilingual("tiles.link.site_style")));
    }

    @Override
    public List<Map<String, Object>> collection(String base, CollectionSource source) {
        if (layers.byId(source.id()).isEmpty()) {
            return List.of();
        }
        return List.of(TileDocuments.link(REL_TILESETS_VECTOR, TileDocuments.JSON,
                base + "/collections/" + source.id() + "/tiles", Texts.bilingual("tiles.link.vector_tiles")));
    }
}
