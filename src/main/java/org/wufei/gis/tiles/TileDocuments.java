package org.wufei.gis.tiles;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.springframework.stereotype.Component;
import org.wufei.gis.common.Texts;
import org.wufei.gis.tiles.styles.SiteStyles;

/**
 * The JSON documents of OGC API - Tiles (tile matrix sets, tileset lists, tileset metadata) and TileJSON 3.0.0.
 * Links are absolute (GDAL resolves relative ones wrongly), built from the base URL of the request.
 */
@Component
class TileDocuments {
    static final String MVT = "application/vnd.mapbox-vector-tile";
    static final String TILEJSON = "application/vnd.mapbox.tile+json";
    static final String JSON = "application/json";
    private static final int DEFAULT_MIN_ZOOM = TilesetLimits.MIN_ZOOM;
    private static final int DEFAULT_MAX_ZOOM = TilesetLimits.MAX_ZOOM;

    private final TilesetLimits limits;
    private final Envelope districtBounds;

    TileDocuments(TilesetLimits limits) {
        this.limits = limits;
        this.districtBounds = limits.bounds();
    }

    Map<String, Object> tileMatrixSets(String base) {
        List<Map<String, Object>> sets = new ArrayList<>();
        for (TileMatrixSet tms : TileMatrixSet.values()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("id", tms.id());
            s.put("title", tms.title());
            s.put("uri", "http://www.opengis.net/def/tilematrixset/OGC/1.0/" + tms.id());
            s.put("crs", tms.crsUri());
            s.put("links", List.of(link("self", JSON, base + "/ogc/tileMatrixSets/" + tms.id(), tms.title())));
            sets.add(s);
        }
        return Map.of("links", List.of(link("self", JSON, base + "/ogc/tileMatrixSets", "Tile matrix sets")),
                "tileMatrixSets", sets);
    }

    Map<String, Object> tileMatrixSet(String base, TileMatrixSet tms) {
        Map<String, Object> d = tms.definition();
        d.put("links", List.of(link("self", JSON, base + "/ogc/tileMatrixSets/" + tms.id(), tms.title())));
        return d;
    }

    /** The list of tilesets of a collection (tilesetsPath = /ogc/collections/{id}/tiles) or of the dataset. */
    Map<String, Object> tilesets(String base, String tilesetsPath, String title) {
        List<Map<String, Object>> sets = new ArrayList<>();
        for (TileMatrixSet tms : TileMatrixSet.values()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("title", title + " (" + tms.id() + ")");
            s.put("dataType", "vector");
            s.put("crs", tms.crsUri());
            s.put("tileMatrixSetId", tms.id());
            s.put("tileMatrixSetURI", "http://www.opengis.net/def/tilematrixset/OGC/1.0/" + tms.id());
            s.put("tileMatrixSetLimits", limits.of(tms));
            s.put("links", tilesetLinks(base, tilesetsPath, tms, title));
            sets.add(s);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("links", List.of(link("self", JSON, base + tilesetsPath, title)));
        doc.put("tilesets", sets);
        return doc;
    }

    /** The tileset metadata (OGC 2D-TMS TileSet, JSON encoding) for one matrix set. */
    Map<String, Object> tileset(String base, String tilesetsPath, TileMatrixSet tms, String title,
            List<TileLayer> layers, Locale locale) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("title", title);
        doc.put("dataType", "vector");
        doc.put("crs", tms.crsUri());
        doc.put("tileMatrixSetId", tms.id());
        doc.put("tileMatrixSetURI", "http://www.opengis.net/def/tilematrixset/OGC/1.0/" + tms.id());
        doc.put("tileMatrixSetLimits", limits.of(tms));
        doc.put("boundingBox", Map.of("lowerLeft", List.of(districtBounds.getMinX(), districtBounds.getMinY()),
                "upperRight", List.of(districtBounds.getMaxX(), districtBounds.getMaxY()),
                "crs", "http://www.opengis.net/def/crs/OGC/1.3/CRS84"));
        List<Map<String, Object>> described = new ArrayList<>();
        for (TileLayer l : layers) {
            Map<String, Object> layer = new LinkedHashMap<>();
            layer.put("id", l.id());
            layer.put("title", l.title().in(locale));
            layer.put("dataType", "vector");
            layer.put("minTileMatrix", String.valueOf(DEFAULT_MIN_ZOOM));
            layer.put("maxTileMatrix", String.valueOf(Math.min(tms.maxZoom(), 22)));
            Map<String, Object> props = new LinkedHashMap<>();
            for (String p : l.properties()) {
                props.put(p, Map.of("type", p.equals("id") ? "integer" : p.equals("seasonal") ? "boolean" : "string"));
            }
            layer.put("propertiesSchema", Map.of("type", "object", "properties", props));
            described.add(layer);
        }
        doc.put("layers", described);
        doc.put("links", tilesetLinks(base, tilesetsPath, tms, title));
        return doc;
    }

    private List<Map<String, Object>> tilesetLinks(String base, String tilesetsPath, TileMatrixSet tms,
            String title) {
        String tileset = base + tilesetsPath + "/" + tms.id();
        List<Map<String, Object>> links = new ArrayList<>();
        links.add(link("self", JSON, tileset, title));
        links.add(link("http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme", JSON,
                base + "/ogc/tileMatrixSets/" + tms.id(), tms.title()));
        Map<String, Object> item = link("item", MVT, tileset + "/{tileMatrix}/{tileRow}/{tileCol}", "MVT");
        item.put("templated", true);
        links.add(item);
        links.add(link("alternate", TILEJSON, tileset + "/tilejson", "TileJSON 3.0.0"));
        if (tms.id().equals(TileMatrixSet.WEB_MERCATOR_QUAD.id())) {
            links.add(link("stylesheet", SiteStyles.MAPBOX, base + SiteStyles.STYLE_PATH + "?f=mapbox",
                    Texts.bilingual("tiles.link.site_style")));
        }
        return links;
    }

    /** TileJSON 3.0.0 for a Web Mercator tileset; other matrix sets are not expressible in TileJSON. */
    Map<String, Object> tileJson(String base, String tilesetsPath, TileMatrixSet tms, String title,
            List<TileLayer> layers, Locale locale) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("tilejson", "3.0.0");
        doc.put("name", title);
        doc.put("scheme", "xyz");
        doc.put("tiles", List.of(base + tilesetsPath + "/" + tms.id() + "/{z}/{y}/{x}"));
        doc.put("minzoom", DEFAULT_MIN_ZOOM);
        doc.put("maxzoom", DEFAULT_MAX_ZOOM);
        doc.put("bounds", List.of(districtBounds.getMinX(), districtBounds.getMinY(), districtBounds.getMaxX(),
                districtBounds.getMaxY()));
        doc.put("center", List.of(districtBounds.centre().x, districtBounds.centre().y, 11));
        List<Map<String, Object>> vectorLayers = new ArrayList<>();
        for (TileLayer l : layers) {
            Map<String, Object> fields = new LinkedHashMap<>();
            for (String p : l.properties()) {
                fields.put(p, p.equals("id") ? "Number" : p.equals("seasonal") ? "Boolean" : "String");
            }
            vectorLayers.add(Map.of("id", l.id(), "description", l.title().in(locale), "fields", fields,
                    "minzoom", DEFAULT_MIN_ZOOM, "maxzoom", DEFAULT_MAX_ZOOM));
        }
        doc.put("vector_layers", vectorLayers);
        return doc;
    }

    static Map<String, Object> link(String rel, String type, String href, String title) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("rel", rel);
        l.put("type", type);
        l.put("href", href);
        l.put("title", title);
        return l;
    }
}
