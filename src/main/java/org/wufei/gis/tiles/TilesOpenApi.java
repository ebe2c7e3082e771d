package org.wufei.gis.tiles;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.wufei.gis.ogc.OpenApiContributor;

/** The tiles endpoints in /ogc/api, with the operation ids OGC API - Tiles table 11 names. */
@Component
class TilesOpenApi implements OpenApiContributor {
    private final List<String> collections;

    TilesOpenApi(TileLayers layers) {
        this.collections = layers.all().stream().map(TileLayer::id).toList();
    }

    @Override
    public Map<String, Object> paths() {
        Map<String, Object> paths = new LinkedHashMap<>();
        paths.put("/tileMatrixSets", get("getTileMatrixSetsList", "Tile matrix sets", List.of(), json()));
        paths.put("/tileMatrixSets/{tileMatrixSetId}", get("getTileMatrixSet", "A tile matrix set definition",
                List.of(tms()), json()));
        paths.put("/tiles", get("dataset.vector.getTileSetsList", "Vector tilesets of all site layers", List.of(),
                json()));
        paths.put("/tiles/{tileMatrixSetId}", get("dataset.vector.getTileSet", "Tileset metadata",
                List.of(tms()), json()));
        paths.put("/tiles/{tileMatrixSetId}/tilejson", get("dataset.vector.getTileJson", "TileJSON 3.0.0",
                List.of(tms()), json()));
        paths.put("/tiles/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}", get("dataset.vector.getTile",
                "A vector tile with one layer per site collection", tileParams(false), mvt()));
        paths.put("/collections/{collectionId}/tiles", get("collection.vector.getTileSetsList",
                "Vector tilesets of a collection", List.of(collection()), json()));
        paths.put("/collections/{collectionId}/tiles/{tileMatrixSetId}", get("collection.vector.getTileSet",
                "Tileset metadata", List.of(collection(), tms()), json()));
        paths.put("/collections/{collectionId}/tiles/{tileMatrixSetId}/tilejson",
                get("collection.vector.getTileJson", "TileJSON 3.0.0", List.of(collection(), tms()), json()));
        paths.put("/collections/{collectionId}/tiles/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}",
                get("collection.vector.getTile", "A vector tile of one collection", tileParams(true), mvt()));
        return paths;
    }

    private List<Object> tileParams(boolean withCollection) {
        List<Object> params = new ArrayList<>();
        if (withCollection) {
            params.add(collection());
        }
        params.add(tms());
        params.add(path("tileMatrix", Map.of("type", "string"), "Zoom level (tile matrix id)"));
        params.add(path("tileRow", Map.of("type", "integer", "minimum", 0), "Row, 0 at the top"));
        params.add(path("tileCol", Map.of("type", "integer", "minimum", 0), "Column, 0 at the left"));
        params.add(Map.of("name", "status", "in", "query", "required", false, "description",
                "Only sites in these statuses (comma-separated)", "schema", Map.of("type", "string")));
        params.add(Map.of("name", "f", "in", "query", "required", false, "schema",
                Map.of("type", "string", "enum", List.of("mvt"))));
        return params;
    }

    private Map<String, Object> collection() {
        return path("collectionId", Map.of("type", "string", "enum", collections), "Collection id");
    }

    private static Map<String, Object> tms() {
        return path("tileMatrixSetId", Map.of("type", "string", "enum", List.of("WebMercatorQuad",
                "WorldCRS84Quad")), "Tile matrix set id");
    }

    private static Map<String, Object> path(String name, Map<String, Object> schema, String description) {
        return Map.of("name", name, "in", "path", "required", true, "description", description, "schema", schema);
    }

    private static Map<String, Object> json() {
        return Map.of("200", Map.of("description", "OK", "content", Map.of(TileDocuments.JSON,
                Map.of("schema", Map.of("type", "object")))), "404", problem());
    }

    private static Map<String, Object> mvt() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("200", Map.of("description", "The tile", "content", Map.of(TileDocuments.MVT,
                Map.of("schema", Map.of("type", "string", "format", "binary")))));
        r.put("204", Map.of("description", "No feature in this tile"));
        r.put("304", Map.of("description", "Not modified (If-None-Match)"));
        r.put("400", problem());
        r.put("404", problem());
        return r;
    }

    private static Map<String, Object> problem() {
        return Map.of("description", "Problem", "content", Map.of("application/problem+json",
                Map.of("schema", Map.of("type", "object"))));
    }

    private static Map<String, Object> get(String id, String summary, List<Object> params,
            Map<String, Object> responses) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("operationId", id);
        op.put("summary", summary);
        op.put("tags", List.of("Tiles"));
        op.put("parameters", params);
        op.put("responses", responses);
        return Map.of("get", op);
    }
}
