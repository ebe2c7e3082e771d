package org.wufei.gis.tiles;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.wufei.gis.common.http.ETags;

/**
 * Writes a tile response, the same from the controller and from the cache fast path ({@link CachedTileFilter}):
 * strong ETag per representation, 304 on If-None-Match, 204 for an empty tile, the gzip variant when the client
 * takes it, and {@code Vary: Accept-Encoding} always.
 */
final class TileResponses {
    static final String CACHE_CONTROL = "max-age=0, must-revalidate, public";
    private static final Pattern REFUSED = Pattern.compile("q=0(\\.0{0,3})?");

    private TileResponses() {
    }

    static boolean acceptsGzip(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
        if (accept == null) {
            return false;
        }
        for (String part : accept.split(",")) {
            String[] p = part.split(";");
            String coding = p[0].strip();
            if (coding.equalsIgnoreCase("gzip") || coding.equals("*")) {
                return p.length < 2 || !REFUSED.matcher(p[1].strip()).matches();
            }
        }
        return false;
    }

    static void write(HttpServletRequest request, HttpServletResponse response, TileCache.Tile tile, boolean gzip)
            throws IOException {
        boolean zipped = gzip && tile.gzip() != null;
        String etag = zipped ? tile.gzipEtag() : tile.etag();
        response.setHeader(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
        response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null) {
            String matched = ETags.firstMatch(ifNoneMatch, etag, tile.etag(),
                    tile.gzip() == null ? null : tile.gzipEtag());
            if (matched != null) {
                response.setHeader(HttpHeaders.ETAG, matched);
                response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
                return;
            }
        }
        response.setHeader(HttpHeaders.ETAG, etag);
        if (tile.bytes().length == 0) {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        byte[] body = zipped ? tile.gzip() : tile.bytes();
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(TileDocuments.MVT);
        if (zipped) {
            response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }
}
