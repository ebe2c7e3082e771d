package org.wufei.gis.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.wufei.gis.support.Http;

/**
 * Measures the district view in Chromium against a running service (not part of the build): first contentful
 * paint and the time until every visible tile is drawn, from Navigation/Paint/User Timing. Run with
 * {@code ./mvnw -q test -Dtest=MapPageBenchmark -Dgis.bench.url=http://localhost:18087 -Dgis.bench.runs=5};
 * results go to target/map-ui-screenshots/benchmark.json. docs/benchmarks.md has the recipe and numbers.
 */
class MapPageBenchmark {

    @Test
    void districtViewTimings() throws IOException {
        String url = System.getProperty("gis.bench.url");
        Assumptions.assumeTrue(url != null, "set -Dgis.bench.url to run the map benchmark");
        int runs = Integer.getInteger("gis.bench.runs", 5);
        List<Map<String, Object>> results = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            // a fresh browser (and profile) per run: nothing cached, no service worker yet
            try (Browser browser = new Browser(URI.create(url).getPort(), 1280, 800)) {
                String query = i % 2 == 0 ? "" : System.getProperty("gis.bench.alternate", "");
                boolean profile = Boolean.getBoolean("gis.bench.profile") && i == runs - 1;
                if (profile) {
                    browser.cdp("Profiler.enable", Map.of());
                    browser.cdp("Profiler.setSamplingInterval", Map.of("interval", 200));
                    browser.cdp("Profiler.start", Map.of());
                }
                browser.driver().get(url + "/" + query);
                browser.waitFor(d -> "true".equals(browser.js("return document.body.dataset.tilesDrawn || null")),
                        java.time.Duration.ofMinutes(3));
                @SuppressWarnings("unchecked")
                Map<String, Object> t = (Map<String, Object>) browser.js("""
                        const at = (n) => { const e = performance.getEntriesByName(n)[0]; return e ? Math.round(e.startTime) : null; };
                        const nav = performance.getEntriesByType('navigation')[0];
                        const tiles = performance.getEntriesByType('resource').filter(e => e.name.includes('/tiles/'));
                        const draws = performance.getEntriesByName('tile-draw');
                        return {firstContentfulPaintMs: at('first-contentful-paint'), domContentLoadedMs: Math.round(nav.domContentLoadedEventEnd),
                                sitesDrawnMs: at('sites-drawn'), tilesDrawnMs: at('tiles-drawn'), tiles: tiles.length,
                                tileBytes: tiles.reduce((n, e) => n + e.encodedBodySize, 0),
                                slowestTileMs: Math.round(Math.max(0, ...tiles.map(e => e.duration))),
                                drawMs: Math.round(draws.reduce((n, e) => n + e.duration, 0)),
                                slowestDrawMs: Math.round(Math.max(0, ...draws.map(e => e.duration))),
                                legend: document.getElementById('total').textContent}""");
                if (Boolean.getBoolean("gis.bench.resources")) {
                    // what the page fetched before its tiles: name, start and end (ms)
                    System.out.println(browser.js("""
                            return performance.getEntriesByType('resource').filter(e => !e.name.includes('/tiles/'))
                              .map(e => e.name.replace(location.origin, '') + ' ' + Math.round(e.startTime) + '-'
                                + Math.round(e.responseEnd)).join('\\n')"""));
                    // each tile: request start, response start-end, size; then each drawing's start+duration (ms)
                    System.out.println(browser.js("""
                            const r = (x) => Math.round(x);
                            return performance.getEntriesByType('resource').filter(e => e.name.includes('/tiles/'))
                              .map(e => e.name.replace(/.*WebMercatorQuad./, '') + ' ' + r(e.startTime) + ' '
                                + r(e.responseStart) + '-' + r(e.responseEnd) + ' ' + e.encodedBodySize + ' B').join('\\n')
                              + '\\ndraws: ' + performance.getEntriesByName('tile-draw')
                                .map(d => r(d.startTime) + '+' + r(d.duration)).join(' ')"""));
                }
                if (profile) {
                    // the page's main-thread JS profile (workers have their own targets), for chrome://inspect
                    Files.createDirectories(Browser.ARTIFACTS);
                    Files.writeString(Browser.ARTIFACTS.resolve("benchmark.cpuprofile"),
                            Http.JSON.writeValueAsString(browser.cdp("Profiler.stop", Map.of()).get("profile")));
                }
                Map<String, Object> row = new java.util.LinkedHashMap<>(t);
                row.put("query", query);
                results.add(row);
                if (i == 0) {
                    browser.screenshot("benchmark-district");
                }
            }
        }
        Files.createDirectories(Browser.ARTIFACTS);
        Files.writeString(Browser.ARTIFACTS.resolve("benchmark.json"), Http.JSON.writeValueAsString(results));
        results.forEach(System.out::println);
        assertThat(results).isNotEmpty();
    }
}
