package org.wufei.gis.demo;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import org.wufei.gis.common.District;
import org.wufei.gis.common.Districts;
import org.wufei.gis.sites.Lifecycle;
import org.wufei.gis.sites.KindRegistry;
import org.wufei.gis.sites.SiteKind;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the demo district into gis-data/ from district.json alone, deterministically (same seed, same
 * bytes): townships.geojson, rivers.geojson and sites.geojson with each site's history; villages.geojson,
 * sensitive_areas.geojson and roads.geojson.
 * Run: {@code ./mvnw -q exec:java -Dexec.mainClass=org.wufei.gis.demo.DemoDataGenerator -Dexec.args=gis-data}
 */
public final class DemoDataGenerator {
    private static final Instant HISTORY_START = Instant.parse("2024-03-01T01:30:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final District district;
    private final DistrictShapes shapes;
    private final KindRegistry kinds;

    /** With the kind definitions of {@code gis-data/kinds}. */
    public DemoDataGenerator(District district) {
        this(district, KindRegistry.loadDefault());
    }

    public DemoDataGenerator(District district, KindRegistry kinds) {
        this.district = district;
        this.shapes = new DistrictShapes(district);
        this.kinds = kinds;
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "gis-data");
        new DemoDataGenerator(Districts.read(dir.resolve("district.json"))).writeTo(dir);
    }

    public void writeTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        write(dir.resolve("townships.geojson"), townships());
        write(dir.resolve("rivers.geojson"), rivers());
        write(dir.resolve("sites.geojson"), sites().stream().map(this::feature).toList());
        ReferenceLayersGenerator reference = new ReferenceLayersGenerator(district, shapes);
        write(dir.resolve("villages.geojson"), reference.villages());
        write(dir.resolve("sensitive_areas.geojson"), reference.sensitiveAreas());
        write(dir.resolve("roads.geojson"), reference.roads());
        ScreeningRound.writeTo(dir);
    }

    /** The demo sites ({@code demo.count} per kind); each kind's statuses cycle through every state of its lifecycle. */
    public List<GeneratedSite> sites() {
        SiteGenerator gen = new SiteGenerator(district, shapes, district.seed() + 1);
        DemoHistories histories = new DemoHistories(district.seed() + 2, HISTORY_START);
        List<GeneratedSite> out = new ArrayList<>();
        for (SiteKind kind : kinds.all()) {
            Lifecycle lifecycle = kind.lifecycle();
            List<String> states = new ArrayList<>(lifecycle.states());
            for (int i = 1; i <= kind.demoCount(); i++) {
                String status = states.get((i - 1) % states.size());
                GeneratedSite s = gen.next(kind, i, status);
                out.add(new GeneratedSite(kind, s.code(), s.name(), status, s.township(), s.geometry(),
                        s.attributes(), histories.to(lifecycle, status, s.code())));
            }
        }
        return out;
    }

    private List<ObjectNode> townships() {
        List<ObjectNode> out = new ArrayList<>();
        for (int i = 0; i < district.townships().size(); i++) {
            District.Township t = district.townships().get(i);
            ObjectNode p = JSON.createObjectNode().put("code", t.code()).put("name", t.name())
                    .put("name_en", t.nameEn());
            out.add(feature(p, shapes.townships.get(i)));
        }
        return out;
    }

    private List<ObjectNode> rivers() {
        List<ObjectNode> out = new ArrayList<>();
        for (int i = 0; i < district.rivers().size(); i++) {
            District.River r = district.rivers().get(i);
            ObjectNode p = JSON.createObjectNode().put("name", r.name()).put("name_en", r.nameEn())
                    .put("seasonal", r.seasonal())
                    // the district's gullies drain south to the Yellow River: tributaries for 沿黄 screening
                    .put("yellow_river_basin", "tributary");
            out.add(feature(p, shapes.rivers.get(i)));
        }
        return out;
    }

    private ObjectNode feature(GeneratedSite s) {
        ObjectNode p = JSON.createObjectNode().put("code", s.code()).put("name", s.name())
                .put("kind", s.kind().id()).put("status", s.status()).put("township", s.township());
        p.set("attributes", JSON.valueToTree(s.attributes()));
        ArrayNode history = p.putArray("history");
        for (HistoryStep h : s.history()) {
            history.add(JSON.valueToTree(h));
        }
        return feature(p, s.geometry());
    }

    static ObjectNode feature(ObjectNode properties, Geometry g) {
        GeoJsonWriter w = new GeoJsonWriter(6);
        w.setEncodeCRS(false);
        ObjectNode f = JSON.createObjectNode().put("type", "Feature");
        f.set("properties", properties);
        f.set("geometry", JSON.readTree(w.write(g)));
        return f;
    }

    /** One feature per line: small diffs when the generator changes. */
    private static void write(Path file, List<ObjectNode> features) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("{\"type\":\"FeatureCollection\",\"features\":[\n");
            for (int i = 0; i < features.size(); i++) {
                w.write(JSON.writeValueAsString(features.get(i)));
                w.write(i + 1 < features.size() ? ",\n" : "\n");
            }
            w.write("]}\n");
        }
    }
}
