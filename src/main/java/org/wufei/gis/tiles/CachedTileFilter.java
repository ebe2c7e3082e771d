package org.wufei.gis.tiles;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fast path for tiles already in the cache: answered before the security filter chain and Spring MVC, which
 * cost more per request than copying a cached tile. Registered only when reads are public
 * ({@code gis.security.public-read}), so it lets nobody read what the full path would refuse; it sends the same
 * headers as the full path (including the security headers). A request with a query, or a tile not cached yet,
 * goes down the full path, which validates it, encodes the tile and caches it.
 */
class CachedTileFilter extends HttpFilter {
    private static final Pattern COLLECTION_TILE = Pattern.compile(
            "/ogc/collections/([A-Za-z0-9_-]{1,64})/tiles/([A-Za-z0-9_-]{1,64})/(\\d{1,2})/(\\d{1,10})/(\\d{1,10})");
    private static final Pattern DATASET_TILE = Pattern.compile(
            "/ogc/tiles/([A-Za-z0-9_-]{1,64})/(\\d{1,2})/(\\d{1,10})/(\\d{1,10})");

    private final transient Tiles tiles;
    private final transient Predicate<String> publicTileset;

    CachedTileFilter(Tiles tiles, Predicate<String> publicTileset) {
        this.tiles = tiles;
        this.publicTileset = publicTileset;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        TileRequest.TileKey key = key(request);
        if (key != null && !publicTileset.test(key.tileset())) {
            key = null; // a collection only signed-in users see: the full path checks who asks
        }
        boolean gzip = key != null && TileResponses.acceptsGzip(request);
        TileCache.Tile tile = key == null ? null : tiles.cached(key, gzip);
        if (tile == null) {
            chain.doFilter(request, response);
            return;
        }
        // what Spring Security's header writers add on the full path
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-XSS-Protection", "0");
        response.setHeader("X-Frame-Options", "DENY");
        TileResponses.write(request, response, tile, gzip);
    }

    /**
     * The cache key of a plain tile request (GET or HEAD, no query, no Origin: cross-origin requests take the full
     * path, which adds the CORS headers), or null when this path does not apply.
     */
    static TileRequest.TileKey key(HttpServletRequest request) {
        String method = request.getMethod();
        if (!(method.equals("GET") || method.equals("HEAD")) || request.getQueryString() != null
                || request.getHeader("Origin") != null) {
            return null;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Matcher m = COLLECTION_TILE.matcher(path);
        if (m.matches()) {
            return key(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5));
        }
        m = DATASET_TILE.matcher(path);
        if (m.matches()) {
            return key(TileRequest.DATASET, m.group(1), m.group(2), m.group(3), m.group(4));
        }
        return null;
    }

    private static TileRequest.TileKey key(String tileset, String tms, String z, String y, String x) {
        return new TileRequest.TileKey(tileset, tms, Integer.parseInt(z), Long.parseLong(x), Long.parseLong(y), "");
    }
}
