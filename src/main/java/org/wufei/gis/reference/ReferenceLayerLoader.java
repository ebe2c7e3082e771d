package org.wufei.gis.reference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

/** Loads the district's townships and rivers from the files beside district.json into empty tables. */
@Component
@Order(10)
class ReferenceLayerLoader implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(ReferenceLayerLoader.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Path dir;

    ReferenceLayerLoader(JdbcClient jdbc, @Value("${gis.district.config}") String districtConfig) {
        this.jdbc = jdbc;
        this.dir = Path.of(districtConfig).toAbsolutePath().getParent();
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        if (jdbc.sql("SELECT COUNT(*) FROM township").query(Long.class).single() > 0) {
            return;
        }
        int townships = 0;
        for (JsonNode f : features(dir.resolve("townships.geojson"))) {
            JsonNode p = f.get("properties");
            jdbc.sql("INSERT INTO township (code, name, name_en, geom) VALUES (?, ?, ?, ST_GeomFromText(?, 4326))")
                    .params(p.get("code").asString(), p.get("name").asString(), p.path("name_en").asString(null),
                            wkt(f))
                    .update();
            townships++;
        }
        int rivers = 0;
        for (JsonNode f : features(dir.resolve("rivers.geojson"))) {
            JsonNode p = f.get("properties");
            jdbc.sql("INSERT INTO river (name, name_en, seasonal, yellow_river_basin, geom)"
                            + " VALUES (?, ?, ?, ?, ST_GeomFromText(?, 4326))")
                    .params(p.get("name").asString(), p.path("name_en").asString(null),
                            p.path("seasonal").asBoolean(false), p.path("yellow_river_basin").asString(null), wkt(f))
                    .update();
            rivers++;
        }
        log.info("Loaded reference layers from {}: {} townships, {} rivers", dir, townships, rivers);
    }

    private static Iterable<JsonNode> features(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            log.warn("Reference layer file {} is missing; the layer stays empty", file);
            return java.util.List.of();
        }
        return JSON.readTree(file.toFile()).get("features");
    }

    private static String wkt(JsonNode feature) {
        try {
            return new WKTWriter().write(new GeoJsonReader().read(feature.get("geometry").toString()));
        } catch (org.locationtech.jts.io.ParseException e) {
            throw new IllegalStateException("Bad geometry in reference layer", e);
        }
    }
}
