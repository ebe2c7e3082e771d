package org.wufei.gis.tiles.styles;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.wufei.gis.catalog.Catalog;
import org.wufei.gis.catalog.CollectionSource;
import org.wufei.gis.catalog.LayerSymbol;
import org.wufei.gis.common.Texts;
import org.wufei.gis.tiles.TilesetLimits;

/**
 * A Mapbox GL style (version 8) for the dataset's vector tiles, built from the layers' symbols (the kind
 * definitions): per site collection a fill and an outline for polygons and a circle for points, coloured by status,
 * so that QGIS and MapLibre show remediation status without hand styling (OGC API - Styles conventions).
 */
@Component
public class SiteStyles {
    public static final String MAPBOX = "application/vnd.mapbox.style+json";
    public static final String STYLE_ID = "sites";
    public static final String STYLE_PATH = "/ogc/styles/" + STYLE_ID;
    static final String SOURCE = "sites";

    private final Catalog catalog;

    SiteStyles(Catalog catalog) {
        this.catalog = catalog;
    }

    /** @param base the service's absolute URL (scheme, host, port, context path) */
    Map<String, Object> style(String base, Locale locale) {
        Map<String, Object> style = new LinkedHashMap<>();
        style.put("version", 8);
        style.put("name", Texts.text(locale, "tiles.style.sites"));
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("type", "vector");
        source.put("tiles", List.of(base + "/ogc/tiles/WebMercatorQuad/{z}/{y}/{x}"));
        source.put("minzoom", 0);
        source.put("maxzoom", TilesetLimits.MAX_ZOOM);
        style.put("sources", Map.of(SOURCE, source));
        List<Map<String, Object>> layers = new ArrayList<>();
        for (CollectionSource c : catalog.all()) {
            LayerSymbol s = c.symbol();
            if (s == null || !c.siteCollection()) {
                continue;
            }
            Object colour = colourBy(s);
            if (s.polygons()) {
                layers.add(layer(c.id() + "-fill", "fill", c.id(), polygonFilter(),
                        Map.of("fill-color", colour, "fill-opacity", 0.45)));
                layers.add(layer(c.id() + "-outline", "line", c.id(), polygonFilter(),
                        Map.of("line-color", colour, "line-width", 1.5)));
            }
            if (s.points() || !s.polygons()) {
                layers.add(layer(c.id() + "-point", "circle", c.id(), pointFilter(),
                        Map.of("circle-color", colour, "circle-radius", 6, "circle-stroke-color", s.colour(),
                                "circle-stroke-width", 2)));
            }
        }
        style.put("layers", layers);
        style.put("metadata", Map.of("ogc:styleId", STYLE_ID));
        return style;
    }

    /** {@code ["match", ["get", "status"], "suspected", "#E69F00", …, default]}: one rule per status. */
    static Object colourBy(LayerSymbol s) {
        List<Object> match = new ArrayList<>();
        match.add("match");
        match.add(List.of("get", s.byProperty()));
        s.colours().forEach((value, colour) -> {
            match.add(value);
            match.add(colour);
        });
        match.add(s.colour());
        return match;
    }

    private static List<Object> polygonFilter() {
        return List.of("==", List.of("geometry-type"), "Polygon");
    }

    private static List<Object> pointFilter() {
        return List.of("==", List.of("geometry-type"), "Point");
    }

    private static Map<String, Object> layer(String id, String type, String sourceLayer, List<Object> filter,
            Map<String, Object> paint) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("id", id);
        l.put("type", type);
        l.put("source", SOURCE);
        l.put("source-layer", sourceLayer);
        l.put("filter", filter);
        l.put("paint", paint);
        return l;
    }
}
