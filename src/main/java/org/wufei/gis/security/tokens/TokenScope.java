package org.wufei.gis.security.tokens;

import java.util.Set;

/**
 * What a department's token may call: the OGC API's metadata, the collections it is scoped to (items, queryables,
 * schema, tiles), the multi-layer tiles only with every collection ({@code *}), and with upload also
 * {@code POST /api/imports} and reading its batches. Nothing else: no domain API, no writes to the register.
 */
final class TokenScope {
    private static final Set<String> METADATA = Set.of("/ogc", "/ogc/", "/ogc/conformance", "/ogc/api",
            "/ogc/collections", "/ogc/tileMatrixSets");
    private static final String COLLECTIONS = "/ogc/collections/";

    private TokenScope() {
    }

    static boolean allows(String method, String path, ApiToken token) {
        boolean read = method.equals("GET") || method.equals("HEAD");
        boolean imports = path.equals("/api/imports") || path.startsWith("/api/imports/");
        if (method.equals("POST")) {
            return token.upload() && path.equals("/api/imports");
        }
        if (!read) {
            return method.equals("OPTIONS");
        }
        if (METADATA.contains(path) || path.startsWith("/ogc/tileMatrixSets/")) {
            return true;
        }
        if (path.startsWith(COLLECTIONS)) {
            String rest = path.substring(COLLECTIONS.length());
            int slash = rest.indexOf('/');
            return token.mayRead(slash < 0 ? rest : rest.substring(0, slash));
        }
        if (path.equals("/ogc/tiles") || path.startsWith("/ogc/tiles/")) {
            return token.mayRead(ApiToken.ALL);
        }
        return imports && token.upload();
    }
}
