package org.wufei.gis.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Optional basemaps of the map page ({@code gis.map.basemaps}); none by default so that the page needs no
 * request beyond this service. A Tianditu layer is an XYZ URL with the key in its {@code tk} parameter.
 */
@ConfigurationProperties("gis.map")
record MapProperties(List<Basemap> basemaps) {

    MapProperties {
        basemaps = basemaps == null ? List.of() : List.copyOf(basemaps);
    }

    /** One XYZ tile layer: {s}/{z}/{x}/{y} placeholders as in Leaflet. */
    record Basemap(String id, String name, String nameEn, String url, String subdomains, String attribution,
            Integer maxZoom) {
    }
}
