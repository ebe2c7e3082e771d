package org.wufei.gis.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.bind.annotation.RestController;
import org.wufei.gis.catalog.LayerChanged;
import org.wufei.gis.common.ApiException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The district's reference layers (township boundaries, rivers) as GeoJSON for the map page, so the map is
 * useful without any basemap. Each layer is built once and cached until an ADMIN replaces it ({@link LayerChanged}).
 */
@RestController
class ReferenceLayerController {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> SQL = Map.of(
            "townships", "SELECT code, name, name_en, ST_AsGeoJSON(geom) AS geojson FROM township ORDER BY code",
            "rivers", "SELECT name, name_en, seasonal, ST_AsGeoJSON(geom) AS geojson FROM river ORDER BY id");

    private final JdbcClient jdbc;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    ReferenceLayerController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(LayerChanged e) {
        cache.remove(e.collectionId());
    }

    @GetMapping(value = "/api/ui/reference/{layer}", produces = "application/geo+json")
    ResponseEntity<String> layer(@PathVariable String layer) {
        String sql = SQL.get(layer);
        if (sql == null) {
            throw ApiException.notFound("layer", layer);
        }
        String body = cache.computeIfAbsent(layer, l -> featureCollection(sql));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/geo+json"))
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1))).body(body);
    }

    private String featureCollection(String sql) {
        List<ObjectNode> features = jdbc.sql(sql).query((rs, i) -> {
            ObjectNode f = JSON.createObjectNode();
            f.put("type", "Feature");
            ObjectNode props = f.putObject("properties");
            int columns = rs.getMetaData().getColumnCount();
            for (int c = 1; c < columns; c++) {
                Object v = rs.getObject(c);
                String name = rs.getMetaData().getColumnLabel(c).toLowerCase();
                if (v instanceof Boolean b) {
                    props.put(name, b);
                } else {
                    props.put(name, v == null ? null : v.toString());
                }
            }
            f.set("geometry", JSON.readTree(rs.getString(columns)));
            return f;
        }).list();
        ObjectNode fc = JSON.createObjectNode();
        fc.put("type", "FeatureCollection");
        fc.putArray("features").addAll(features);
        return JSON.writeValueAsString(fc);
    }
}
