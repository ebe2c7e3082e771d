package org.wufei.gis.tiles;

import org.wufei.gis.common.Texts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.wufei.gis.common.ApiException;
import org.wufei.gis.common.CurrentActor;
import org.wufei.gis.common.Locales;

/**
 * OGC API - Tiles: tile matrix sets, tilesets per collection and for the dataset (all site collections), tiles
 * as MVT with ETag/304, and TileJSON. An empty tile is 204 No Content.
 */
@RestController
@RequestMapping("/ogc")
class TilesController {
    private static final String DATASET_PATH = "/ogc/tiles";
    private static final String DATASET_TITLE = Texts.bilingual("tiles.dataset.title");

    private final TileLayers layers;
    private final Tiles tiles;
    private final TileDocuments documents;
    private final TilesetLimits limits;

    TilesController(TileLayers layers, Tiles tiles, TileDocuments documents, TilesetLimits limits) {
        this.layers = layers;
        this.tiles = tiles;
        this.documents = documents;
        this.limits = limits;
    }

    @GetMapping(value = "/tileMatrixSets", produces = TileDocuments.JSON)
    Map<String, Object> tileMatrixSets(HttpServletRequest request) {
        return documents.tileMatrixSets(base(request));
    }

    @GetMapping(value = "/tileMatrixSets/{tmsId}", produces = TileDocuments.JSON)
    Map<String, Object> tileMatrixSet(@PathVariable String tmsId, HttpServletRequest request) {
        return documents.tileMatrixSet(base(request), TileRequest.tileMatrixSet(tmsId));
    }

    @GetMapping(value = "/collections/{collectionId}/tiles", produces = TileDocuments.JSON)
    Map<String, Object> collectionTilesets(@PathVariable String collectionId, HttpServletRequest request) {
        TileLayer layer = layer(collectionId);
        return documents.tilesets(base(request), tilesPath(collectionId), layer.title().in(Locales.of(request)));
    }

    @GetMapping(value = "/collections/{collectionId}/tiles/{tmsId}", produces = TileDocuments.JSON)
    Map<String, Object> collectionTileset(@PathVariable String collectionId, @PathVariable String tmsId,
            HttpServletRequest request) {
        TileLayer layer = layer(collectionId);
        return documents.tileset(base(request), tilesPath(collectionId), TileRequest.tileMatrixSet(tmsId),
                layer.title().in(Locales.of(request)), List.of(layer), Locales.of(request));
    }

    @GetMapping(value = "/collections/{collectionId}/tiles/{tmsId}/tilejson", produces = TileDocuments.JSON)
    Map<String, Object> collectionTileJson(@PathVariable String collectionId, @PathVariable String tmsId,
            HttpServletRequest request) {
        TileLayer layer = layer(collectionId);
        return documents.tileJson(base(request), tilesPath(collectionId), webMercatorOnly(tmsId),
                layer.title().in(Locales.of(request)), List.of(layer), Locales.of(request));
    }

    @GetMapping("/collections/{collectionId}/tiles/{tmsId}/{z}/{y}/{x}")
    void collectionTile(@PathVariable String collectionId, @PathVariable String tmsId,
            @PathVariable String z, @PathVariable String y, @PathVariable String x,
            @RequestParam Map<String, String> query, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        TileLayer layer = layer(collectionId);
        tile(TileRequest.parse(collectionId, List.of(layer), tmsId, z, y, x, query), request, response);
    }

    @GetMapping(value = "/tiles", produces = TileDocuments.JSON)
    Map<String, Object> datasetTilesets(HttpServletRequest request) {
        return documents.tilesets(base(request), DATASET_PATH, DATASET_TITLE);
    }

    @GetMapping(value = "/tiles/{tmsId}", produces = TileDocuments.JSON)
    Map<String, Object> datasetTileset(@PathVariable String tmsId, HttpServletRequest request) {
        return documents.tileset(base(request), DATASET_PATH, TileRequest.tileMatrixSet(tmsId), DATASET_TITLE,
                layers.siteLayers(), Locales.of(request));
    }

    @GetMapping(value = "/tiles/{tmsId}/tilejson", produces = TileDocuments.JSON)
    Map<String, Object> datasetTileJson(@PathVariable String tmsId, HttpServletRequest request) {
        return documents.tileJson(base(request), DATASET_PATH, webMercatorOnly(tmsId), DATASET_TITLE,
                layers.siteLayers(), Locales.of(request));
    }

    @GetMapping("/tiles/{tmsId}/{z}/{y}/{x}")
    void datasetTile(@PathVariable String tmsId, @PathVariable String z, @PathVariable String y,
            @PathVariable String x, @RequestParam Map<String, String> query, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        tile(TileRequest.parse(TileRequest.DATASET, layers.siteLayers(), tmsId, z, y, x, query), request, response);
    }

    private void tile(TileRequest r, HttpServletRequest request, HttpServletResponse response) throws IOException {
        limits.check(r);
        boolean gzip = TileResponses.acceptsGzip(request);
        TileResponses.write(request, response, tiles.tile(r, gzip), gzip);
    }

    private TileLayer layer(String collectionId) {
        return layers.require(collectionId, CurrentActor.anonymous());
    }

    private static TileMatrixSet webMercatorOnly(String tmsId) {
        TileMatrixSet tms = TileRequest.tileMatrixSet(tmsId);
        if (!tms.mercator()) {
            throw ApiException.notFound("tilejson", tmsId);
        }
        return tms;
    }

    private static String tilesPath(String collectionId) {
        return "/ogc/collections/" + collectionId + "/tiles";
    }

    private static String base(HttpServletRequest request) {
        return ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
    }
}
