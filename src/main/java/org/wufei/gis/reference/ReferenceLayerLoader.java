package org.wufei.gis.reference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.locationtech.jts.io.WKTWriter;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the district's reference layers (townships, rivers, villages, sensitive areas, roads) from the files beside
 * district.json into each empty table, and records each load as version 1 of the layer.
 */
@Component
@Order(10)
class ReferenceLayerLoader implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(ReferenceLayerLoader.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One layer: its table, file, columns (geometry last) and how a feature's properties give their values. */
    private record Layer(String table, String file, List<String> columns, Function<JsonNode, List<Object>> values) {
    }

    private static final List<Layer> LAYERS = List.of(
            new Layer("township", "townships.geojson", List.of("code", "name", "name_en"),
                    p -> values(p.get("code").asString(), p.get("name").asString(), p.path("name_en").asString(null))),
            new Layer("river", "rivers.geojson", List.of("name", "name_en", "seasonal", "yellow_river_basin"),
                    p -> values(p.get("name").asString(), p.path("name_en").asString(null),
                            p.path("seasonal").asBoolean(false), p.path("yellow_river_basin").asString(null))),
            new Layer("village", "villages.geojson",
                    List.of("code", "name", "township", "population", "cropland_mu", "weight"),
                    p -> values(p.get("code").asString(), p.get("name").asString(), p.path("township").asString(null),
                            p.path("population").isNumber() ? p.get("population").asInt() : null,
                            p.path("cropland_mu").isNumber() ? p.get("cropland_mu").asDouble() : null,
                            p.path("weight").asDouble(1.0))),
            new Layer("sensitive_area", "sensitive_areas.geojson", List.of("name", "category", "sensitivity"),
                    p -> values(p.get("name").asString(), p.path("category").asString("other"),
                            p.path("sensitivity").asString("high"))),
            new Layer("road", "roads.geojson", List.of("name", "grade"),
                    p -> values(p.get("name").asString(), p.path("grade").asString("other"))));

    private final JdbcClient jdbc;
    private final Path dir;

    ReferenceLayerLoader(JdbcClient jdbc, @Value("${gis.district.config}") String districtConfig) {
        this.jdbc = jdbc;
        this.dir = Path.of(districtConfig).toAbsolutePath().getParent();
    }

    private static List<Object> values(Object... values) {
        List<Object> out = new ArrayList<>();
        for (Object v : values) {
            out.add(v);
        }
        return out;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        for (Layer layer : LAYERS) {
            if (jdbc.sql("SELECT COUNT(*) FROM " + layer.table()).query(Long.class).single() == 0) {
                load(layer);
            }
        }
    }

    private void load(Layer layer) throws IOException {
        Path file = dir.resolve(layer.file());
        if (!Files.isRegularFile(file)) {
            log.warn("Reference layer file {} is missing; the layer stays empty", file);
            return;
        }
        String sql = "INSERT INTO " + layer.table() + " (" + String.join(", ", layer.columns()) + ", geom) VALUES ("
                + "?, ".repeat(layer.columns().size()) + "ST_GeomFromText(?, 4326))";
        int count = 0;
        for (JsonNode f : JSON.readTree(file.toFile()).get("features")) {
            List<Object> values = layer.values().apply(f.get("properties"));
            values.add(wkt(f));
            jdbc.sql(sql).params(values).update();
            count++;
        }
        jdbc.sql("INSERT INTO reference_layer_version (layer, version, source, loaded_at, feature_count, loaded_by)"
                + " VALUES (?, 1, ?, ?, ?, 'system')")
                .params(layer.table(), layer.file(), Timestamp.from(Instant.now()), count).update();
        log.info("Loaded reference layer {} from {}: {} features", layer.table(), file, count);
    }

    private static String wkt(JsonNode feature) {
        try {
            return new WKTWriter().write(new GeoJsonReader().read(feature.get("geometry").toString()));
        } catch (org.locationtech.jts.io.ParseException e) {
            throw new IllegalStateException("Bad geometry in reference layer", e);
        }
    }
}
