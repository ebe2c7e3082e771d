package org.wufei.gis.tiles;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.wufei.gis.common.ApiException;

/**
 * A validated tile request: which tileset (one collection or the multi-layer dataset), matrix set, zoom, row,
 * column and an optional status filter. Parsing happens here once; everything after works with typed values.
 */
public record TileRequest(String tileset, List<TileLayer> layers, TileMatrixSet tms, int z, long y, long x,
        List<String> statuses) {

    static final String DATASET = "_dataset";
    private static final Set<String> PARAMETERS = Set.of("f", "status", "lang");
    private static final int MAX_STATUSES = 20;

    static TileRequest parse(String tileset, List<TileLayer> layers, String tmsId, String z, String y, String x,
            Map<String, String> query) {
        for (String name : query.keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw ApiException.badRequest("parameter_unknown", name, name);
            }
        }
        String f = query.get("f");
        if (f != null && !f.equals("mvt")) {
            throw new ApiException(HttpStatus.NOT_ACCEPTABLE, "tile_format_unsupported", "f", f);
        }
        TileMatrixSet tms = tileMatrixSet(tmsId);
        int zoom = (int) number(z, "tileMatrix", tms.maxZoom(), tms, z, y, x);
        long row = number(y, "tileRow", tms.matrixHeight(zoom) - 1, tms, z, y, x);
        long col = number(x, "tileCol", tms.matrixWidth(zoom) - 1, tms, z, y, x);
        return new TileRequest(tileset, layers, tms, zoom, row, col, statuses(query.get("status")));
    }

    static TileMatrixSet tileMatrixSet(String id) {
        return TileMatrixSet.byId(id)
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "tile_matrix_set_unknown", "tileMatrixSetId",
                        id));
    }

    private static long number(String text, String field, long max, TileMatrixSet tms, String z, String y,
            String x) {
        long v;
        try {
            v = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("tile_coordinate_invalid", field, field, text);
        }
        if (v < 0 || v > max) {
            throw new ApiException(HttpStatus.NOT_FOUND, "tile_outside_matrix", field, tms.id(), z, y, x, max);
        }
        return v;
    }

    private static List<String> statuses(String text) {
        if (text == null) {
            return List.of();
        }
        List<String> out = List.of(text.split(",")).stream().map(String::trim).filter(s -> !s.isEmpty())
                .distinct().sorted().toList();
        if (out.isEmpty() || out.size() > MAX_STATUSES || out.stream().anyMatch(s -> s.length() > 32)) {
            throw ApiException.badRequest("parameter_invalid", "status", "status");
        }
        return out;
    }

    /** The cache key: what makes two requests the same tile. */
    TileKey key() {
        return new TileKey(tileset, tms.id(), z, x, y, String.join(",", statuses));
    }

    /** Cache key of one tile (collection or dataset, matrix set, z, x, y, filter). */
    record TileKey(String tileset, String tms, int z, long x, long y, String filter) {
    }
}
