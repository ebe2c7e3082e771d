package org.wufei.gis.web;

import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Which optional HTTP services this build offers (OGC items, vector tiles, imports), read from the mapped
 * handlers, so that the page asks only for what exists and never logs a 404 while probing.
 */
@Component
class OfferedServices {
    private final RequestMappingHandlerMapping mappings;
    private volatile Map<String, Boolean> offered;

    OfferedServices(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        this.mappings = mappings;
    }

    Map<String, Boolean> offered() {
        if (offered == null) {
            Map<String, Boolean> out = new TreeMap<>();
            out.put("ogcItems", mapped("/ogc/collections/", "/items"));
            out.put("tiles", mapped("/ogc/collections/", "/tiles/"));
            out.put("imports", mapped("/api/imports", ""));
            offered = out;
        }
        return offered;
    }

    private boolean mapped(String prefix, String part) {
        return mappings.getHandlerMethods().keySet().stream()
                .flatMap(info -> info.getPatternValues().stream())
                .anyMatch(p -> p.startsWith(prefix) && p.contains(part));
    }
}
