package org.wufei.gis.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.wufei.gis.common.Actor;
import org.wufei.gis.common.DemoProperties;
import org.wufei.gis.common.Role;
import org.wufei.gis.sites.SiteGeometry;
import org.wufei.gis.sites.SiteKind;
import org.wufei.gis.sites.SiteRegister;
import org.wufei.gis.sites.Sites;
import org.wufei.gis.sites.TransitionRequest;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * On first start of an empty database with the demo on, loads gis-data/sites.geojson with its history: by
 * default on a thread of its own once the service is ready (nothing waits for the demo sites, and loading them
 * is a quarter of a cold start), with {@code gis.demo.background=false} before the service starts serving. With
 * the demo off it does nothing and health has no {@code demoData} component (a runtime check, not a condition:
 * conditions are fixed at build time when the service starts from its AOT-processed bean definitions).
 */
@Component
@Order(20)
class DemoDataLoader implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SiteRegister register;
    private final Sites sites;
    private final TransactionTemplate transaction;
    private final DemoDataHealthIndicator health;
    private final DemoScreening screening;
    private final Path file;
    private final boolean enabled;
    private final boolean background;
    private volatile boolean pending;
    private volatile boolean closing;

    DemoDataLoader(SiteRegister register, Sites sites, PlatformTransactionManager tm,
            HealthContributorRegistry healthContributors, DemoProperties demo, DemoScreening screening) {
        this.register = register;
        this.sites = sites;
        this.transaction = new TransactionTemplate(tm);
        this.health = new DemoDataHealthIndicator();
        this.enabled = demo.enabled();
        if (enabled) {
            healthContributors.registerContributor("demoData", health);
        }
        this.screening = screening;
        this.file = Path.of(demo.dataDir()).resolve("sites.geojson");
        this.background = demo.background();
    }

    /** Loads now, or marks the load as pending for {@link #loadWhenReady()}; an empty check is one count. */
    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!enabled || sites.count() > 0) {
            return;
        }
        if (!Files.isRegularFile(file)) {
            log.warn("Demo data {} not found; starting with an empty register", file.toAbsolutePath());
            return;
        }
        if (background) {
            pending = true;
            health.loading();
        } else {
            load();
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadWhenReady() {
        if (!pending) {
            return;
        }
        pending = false;
        Thread thread = new Thread(() -> {
            try {
                load();
            } catch (IOException | RuntimeException e) {
                if (closing) {
                    log.info("Stopped before the demo sites were loaded; they load on the next start");
                    return;
                }
                log.error("Loading the demo sites from {} failed; the register keeps none of them", file, e);
                health.failed(e);
            }
        }, "demo-data");
        thread.setDaemon(true);
        thread.start();
    }

    @EventListener(ContextClosedEvent.class)
    void stopping() {
        closing = true;
    }

    /**
     * One transaction for all sites, so a service stopped half-way keeps none of them and loads them again on
     * its next start.
     */
    private void load() throws IOException {
        long t0 = System.nanoTime();
        JsonNode features = JSON.readTree(file.toFile()).get("features");
        Map<SiteKind, Integer> counts = transaction.execute(status -> {
            Map<SiteKind, Integer> byKind = new java.util.LinkedHashMap<>();
            for (JsonNode f : features) {
                if (closing) { // roll back now and give the connection back before the pool closes
                    throw new IllegalStateException("the service is stopping");
                }
                byKind.merge(replay(f), 1, Integer::sum);
            }
            return byKind;
        });
        long total = counts.values().stream().mapToLong(Integer::longValue).sum();
        health.loaded(total);
        screening.submit();
        log.info("Loaded demo sites from {} in {} ms: {}", file, (System.nanoTime() - t0) / 1_000_000, counts);
    }

    private SiteKind replay(JsonNode f) {
        JsonNode p = f.get("properties");
        SiteKind kind = register.kinds().get(p.get("kind").asString());
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
        return kind;
    }

    private static Actor demoActor(String username) {
        Role role = Role.valueOf(username.toUpperCase());
        return new Actor(username, EnumSet.of(role), "127.0.0.1");
    }
}
