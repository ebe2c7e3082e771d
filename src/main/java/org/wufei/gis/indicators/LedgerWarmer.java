package org.wufei.gis.indicators;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the {@link StatusLedger} of the register's current data version built in the background, so that an as-of
 * value and the first count/ratio series read it instead of replaying the history: one period after start, then
 * whenever the data version has stayed the same for one period after a change (a busy register is not rebuilt on
 * every write; until the rebuild, as-of values are replayed in SQL as before). One daemon thread, one build at a
 * time.
 */
final class LedgerWarmer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LedgerWarmer.class);

    private final Indicators indicators;
    private final SiteStates states;
    private final ScheduledExecutorService timer;
    private String lastSeen;

    LedgerWarmer(Indicators indicators, SiteStates states, long periodSeconds) {
        this.indicators = indicators;
        this.states = states;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "indicators-ledger");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
        timer.scheduleWithFixedDelay(this::tick, periodSeconds, periodSeconds, TimeUnit.SECONDS);
    }

    private void tick() {
        try {
            String version = states.dataVersion();
            if (lastSeen == null || version.equals(lastSeen)) {
                long start = System.nanoTime();
                if (indicators.buildLedger(version)) {
                    LOG.info("Indicators ledger built for data version {} in {} ms", version,
                            (System.nanoTime() - start) / 1_000_000);
                }
            }
            lastSeen = version;
        } catch (RuntimeException e) {
            LOG.warn("Indicators ledger not built: {}", e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
