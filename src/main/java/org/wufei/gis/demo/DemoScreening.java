package org.wufei.gis.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.wufei.gis.common.Actor;
import org.wufei.gis.common.DemoProperties;
import org.wufei.gis.common.Role;
import org.wufei.gis.imports.LocalImports;

/**
 * Submits the demo's screening round (gis-data/screening/, {@link ScreeningRound}) through the import queue once the
 * demo sites are in: the satellite batch, then the drone batch, so a newcomer finds new, known, changed and
 * duplicate detections in the verification queue. Off with {@code gis.demo.screening=false}.
 */
@Component
class DemoScreening {
    private static final Logger log = LoggerFactory.getLogger(DemoScreening.class);

    private final LocalImports imports;
    private final Path dir;
    private final boolean enabled;
    private boolean ready;
    private boolean pending;

    DemoScreening(LocalImports imports, DemoProperties demo, @Value("${gis.demo.screening:true}") boolean enabled) {
        this.imports = imports;
        this.dir = Path.of(demo.dataDir());
        this.enabled = enabled;
    }

    /**
     * Called once the demo sites are in. The batches are queued only when the service is ready: before that, the
     * imports' start-up recovery would take them for batches a crash interrupted.
     */
    synchronized void submit() {
        if (!enabled) {
            return;
        }
        if (!ready) {
            pending = true;
            return;
        }
        queue();
    }

    @EventListener(ApplicationReadyEvent.class)
    synchronized void whenReady() {
        ready = true;
        if (pending) {
            pending = false;
            queue();
        }
    }

    private void queue() {
        Actor demo = new Actor("demo", Set.of(Role.UPLOADER), null);
        for (String[] batch : new String[][] {{ScreeningRound.SATELLITE, "satellite"}, {ScreeningRound.DRONE, "drone"}}) {
            Path file = dir.resolve(batch[0]);
            if (Files.isRegularFile(file)) {
                long id = imports.submit(file, batch[1], demo);
                log.info("Demo screening batch {} queued from {}", id, file);
            }
        }
    }
}
