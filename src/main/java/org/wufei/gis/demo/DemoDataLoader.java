package org.wufei.gis.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.wufei.gis.common.Actor;
import org.wufei.gis.common.Role;
import org.wufei.gis.common.DemoProperties;
import org.wufei.gis.sites.SiteGeometry;
import org.wufei.gis.sites.SiteKind;
import org.wufei.gis.sites.SiteRegister;
import org.wufei.gis.sites.Sites;
import org.wufei.gis.sites.TransitionRequest;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** On first start of an empty database with the demo on, loads gis-data/sites.geojson with its history. */
@Component
@Order(20)
@ConditionalOnProperty(name = "gis.demo.enabled", havingValue = "true")
class DemoDataLoader implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SiteRegister register;
    private final Sites sites;
    private final Path file;

    DemoDataLoader(SiteRegister register, Sites sites, DemoProperties demo) {
        this.register = register;
        this.sites = sites;
        this.file = Path.of(demo.dataDir()).resolve("sites.geojson");
    }

    /** One transaction per site (through SiteRegister) keeps the persistence context small and the load fast. */
    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (sites.count() > 0) {
            return;
        }
        if (!Files.isRegularFile(file)) {
            log.warn("Demo data {} not found; starting with an empty register", file.toAbsolutePath());
            return;
        }
        long t0 = System.nanoTime();
        Map<SiteKind, Integer> counts = new EnumMap<>(SiteKind.class);
        for (JsonNode f : JSON.readTree(file.toFile()).get("features")) {
            JsonNode p = f.get("properties");
            SiteKind kind = SiteKind.byId(p.get("kind").asString()).orElseThrow();
            List<HistoryStep> history = JSON.convertValue(p.get("history"), new TypeReference<>() {
            });
            Map<String, Object> attributes = JSON.convertValue(p.get("attributes"), new TypeReference<>() {
            });
            attributes.values().removeIf(java.util.Objects::isNull);
            List<SiteRegister.Step> steps = new ArrayList<>();
            for (HistoryStep h : history) {
                steps.add(new SiteRegister.Step(new TransitionRequest(h.to(), h.note(), h.evidence(), h.mode(),
                        h.deadline()), demoActor(h.actor()), h.at()));
            }
            register.replay(new SiteRegister.NewSite(kind, p.get("code").asString(), p.get("name").asString(),
                    history.get(0).to(), p.path("township").asString(null),
                    SiteGeometry.parse(f.get("geometry").toString()), attributes, null), steps);
            counts.merge(kind, 1, Integer::sum);
        }
        log.info("Loaded demo sites from {} in {} ms: {}", file, (System.nanoTime() - t0) / 1_000_000, counts);
    }

    private static Actor demoActor(String username) {
        Role role = Role.valueOf(username.toUpperCase());
        return new Actor(username, EnumSet.of(role), "127.0.0.1");
    }
}
