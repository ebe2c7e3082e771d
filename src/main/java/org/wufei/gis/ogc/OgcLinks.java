package org.wufei.gis.ogc;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Absolute links of the OGC API. Clients such as GDAL resolve a link starting with "/" against the landing page
 * path, so every href carries scheme, host and port taken from the request.
 */
public final class OgcLinks {

    private OgcLinks() {
    }

    /** {@code http://host:port/ogc} for this request (honours the servlet context path). */
    public static String base(HttpServletRequest request) {
        return ServletUriComponentsBuilder.fromContextPath(request).path("/ogc").build().toUriString();
    }

    /** A link object with rel, type, title and href, in the order OGC examples write them. */
    public static Map<String, Object> link(String href, String rel, String type, String title) {
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("href", href);
        link.put("rel", rel);
        if (type != null) {
            link.put("type", type);
        }
        if (title != null) {
            link.put("title", title);
        }
        return link;
    }
}
