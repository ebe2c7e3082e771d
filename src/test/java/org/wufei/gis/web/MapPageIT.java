package org.wufei.gis.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.wufei.gis.support.H2gisDatabase;
import org.wufei.gis.support.Http;
import org.wufei.gis.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** The map page in a real headless Chromium on a desktop-sized window, against the service on H2GIS. */
@IntegrationTest
@ContextConfiguration(initializers = H2gisDatabase.class)
class MapPageIT {
    private static Browser browser;

    @LocalServerPort
    int port;
    Http http;

    @BeforeEach
    void start() {
        http = new Http(port);
        if (browser == null) {
            browser = new Browser(port, 1280, 800);
        }
        browser.logout();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @Test
    void pageLoadsWithLeafletAndTheDemoSitesWithoutConsoleErrorsOrRequestsLeavingLocalhost() throws IOException {
        browser.consoleErrors();
        browser.open("/");
        assertThat(browser.js("return typeof L === 'object' && !!document.querySelector('.leaflet-container')"))
                .isEqualTo(true);
        assertThat(Long.parseLong((String) browser.js("return document.body.dataset.sitesLoaded"))).isGreaterThan(200);
        assertThat(browser.findAll(".leaflet-marker-icon [data-site-id]").size()).isGreaterThan(200);
        browser.waitFor(d -> (Long) browser.js("return document.querySelectorAll('path.leaflet-interactive').length") > 8);
        @SuppressWarnings("unchecked")
        List<String> urls = (List<String>) browser.js(
                "return [location.href].concat(performance.getEntriesByType('resource').map(e => e.name))");
        assertThat(urls).isNotEmpty().allSatisfy(u -> assertThat(u).startsWith(browser.base() + "/"));
        assertThat(browser.consoleErrors()).isEmpty();
        @SuppressWarnings("unchecked")
        Map<String, Object> timing = (Map<String, Object>) browser.js("""
                const paint = performance.getEntriesByName('first-contentful-paint')[0];
                const nav = performance.getEntriesByType('navigation')[0];
                return {firstContentfulPaintMs: paint ? paint.startTime : null, domContentLoadedMs: nav.domContentLoadedEventEnd,
                        sitesDrawnMs: performance.now(), resources: performance.getEntriesByType('resource').length}""");
        Files.createDirectories(Browser.ARTIFACTS);
        Files.writeString(Browser.ARTIFACTS.resolve("desktop-timing.json"), Http.JSON.writeValueAsString(timing));
        browser.screenshot("desktop-district");
    }

    @Test
    void legendCountsPerStatusMatchWhatTheServerMatches() {
        browser.open("/?kinds=waste_heap");
        List<WebElement> rows = browser.findAll("#legend li[data-status]");
        assertThat(rows).hasSizeGreaterThanOrEqualTo(9);
        for (WebElement row : rows) {
            String status = row.getAttribute("data-status");
            long shown = Long.parseLong(row.findElement(org.openqa.selenium.By.cssSelector(".count")).getText());
            assertThat(shown).as(status).isEqualTo(serverCount("waste_heap", status));
        }
    }

    @Test
    void theConfigurationSaysHowManySitesEachKindHasAsTheItemsCountDoes() {
        for (JsonNode kind : http.get("/api/ui/config").json().get("kinds")) {
            long matched = http.get("/ogc/collections/" + kind.get("collectionId").asString() + "/items?limit=1").json()
                    .get("numberMatched").asLong();
            assertThat(kind.get("count").asLong()).as(kind.get("id").asString()).isEqualTo(matched);
        }
    }

    @Test
    void clickingAWasteHeapShowsItsNameStatusAndHistoryInThePanel() {
        JsonNode heap = TestSites.heapInVerifying(http, "面板测试堆场", 110.4001, 40.7101);
        browser.open("/?kinds=waste_heap&view=40.7101,110.4001,17");
        clickSite(heap.get("id").asLong());
        browser.waitFor(d -> browser.find("[data-testid=site-name]").getText().equals("面板测试堆场"));
        assertThat(browser.find("[data-testid=site-status]").getText()).contains("现场核查");
        assertThat(browser.findAll("[data-testid=history] li")).hasSize(3);
        // signed out: the public projection, which names no actor
        assertThat(browser.find("[data-testid=history]").getText()).contains("已交办").doesNotContain("admin");
        assertThat(browser.find("[data-testid=attributes]").getText()).contains("煤矸石堆场");
        assertThat(browser.find("[data-testid=geojson-link]").getAttribute("href")).contains(heap.get("id").asString());
        assertThat(browser.driver().getCurrentUrl()).contains("site=" + heap.get("id").asLong());
    }

    @Test
    void htmlInASiteNameOrAnInspectionNoteIsShownAsTextAndNeverRuns() {
        String name = "<img src=x onerror=\"window.__pwned='name'\">堆场";
        String note = "<script>window.__pwned='script'</script><img src=x onerror=window.__pwned='note'>";
        long id = TestSites.heapInVerifying(http, name, 110.4101, 40.7201).get("id").asLong();
        String inspection = InspectionApiContract.form(java.util.UUID.randomUUID().toString(), note, null, null);
        var form = new Multipart().field("inspection", inspection);
        assertThat(new InspectionCalls(port).post(id, "inspector", form).statusCode()).isEqualTo(201);
        browser.login("viewer"); // inspection notes are for signed-in users only
        try {
            browser.open("/?kinds=waste_heap&view=40.7201,110.4101,17&q=" + java.net.URLEncoder.encode("<img",
                    java.nio.charset.StandardCharsets.UTF_8));
            clickSite(id);
            browser.waitFor(d -> browser.find("[data-testid=site-name]").getText().equals(name));
            assertThat(browser.find("[data-testid=inspections]").getText()).contains(note);
            assertThat(browser.js("return window.__pwned === undefined")).isEqualTo(true);
            assertThat(browser.js("return document.querySelectorAll('#panel img[src=x], #panel script').length"))
                    .isEqualTo(0L);
        } finally {
            browser.logout();
        }
    }

    @Test
    void aViewerSeesNoInspectionButtonAndTheApiRefusesThem() {
        long id = TestSites.heapInVerifying(http, "查看者页面测试堆场", 110.4201, 40.7301).get("id").asLong();
        browser.login("viewer");
        browser.open("/?kinds=waste_heap&view=40.7301,110.4201,17");
        clickSite(id);
        browser.waitFor(d -> browser.find("[data-testid=site-name]").getText().equals("查看者页面测试堆场"));
        assertThat(browser.findAll("[data-testid=start-inspection]")).isEmpty();
        assertThat(browser.find("#upload-section").isDisplayed()).isFalse();
        assertThat(browser.find("#user").getText()).contains("viewer");
        Object status = browser.asyncJs("""
                const done = arguments[arguments.length - 1];
                fetch('/api/ui/config').then(r => r.json()).then(c => {
                  const body = new FormData();
                  body.append('inspection', JSON.stringify({id: crypto.randomUUID(), note: 'x'}));
                  return fetch('/api/sites/%d/inspections', {method: 'POST', body, headers: {[c.csrf.header]: c.csrf.token}});
                }).then(r => done(r.status));""".formatted(id));
        assertThat(status).isEqualTo(403L);
    }

    @Test
    void theUrlKeepsTheViewAndFiltersAndTheLanguageSwitchesToEnglish() {
        browser.open("/?kinds=waste_heap,tailings_pond&status=verifying&township=" + java.net.URLEncoder.encode(
                "石拐街道", java.nio.charset.StandardCharsets.UTF_8) + "&view=40.67,110.27,13&lang=en");
        assertThat(browser.find("#f-status").getAttribute("value")).isEqualTo("verifying");
        assertThat(browser.find("#f-township").getAttribute("value")).isEqualTo("石拐街道");
        assertThat(browser.find("[data-testid=layer-green_mine]").isSelected()).isFalse();
        assertThat(browser.js("return document.querySelector('h1').textContent")).asString().contains("Shiguai");
        assertThat(browser.findAll(".leaflet-marker-icon [data-status]"))
                .allSatisfy(m -> assertThat(m.getAttribute("data-status")).isEqualTo("verifying"));
        assertThat(browser.driver().getCurrentUrl()).contains("view=40.67").contains("status=verifying");
    }

    /** numberMatched of the OGC items the page reads (the collection of a kind, filtered by status). */
    @Test
    void thePageReopensWithoutSignalFromTheServiceWorkerCache() {
        browser.open("/?kinds=waste_heap");
        browser.waitFor(d -> Boolean.TRUE.equals(browser.js("return !!navigator.serviceWorker.controller")));
        browser.open("/?kinds=waste_heap");
        try {
            browser.offline(true);
            browser.driver().navigate().refresh();
            browser.waitFor(d -> "true".equals(browser.js("return document.body.dataset.ready || null")));
            assertThat(browser.findAll(".leaflet-marker-icon [data-site-id]")).hasSizeGreaterThan(100);
            assertThat(browser.js("return navigator.onLine")).isEqualTo(false);
        } finally {
            browser.offline(false);
        }
    }

    @Test
    void nearMeListsTheSitesAroundTheInspectorNearestFirstInMetres() {
        TestSites.heapInVerifying(http, "附近测试堆场", 110.4901, 40.7001);
        browser.geolocation(40.7003, 110.4901, 10);
        browser.open("/?kinds=waste_heap");
        browser.find("#near-me").click();
        browser.waitFor(d -> !browser.findAll("[data-testid=result-list] li").isEmpty());
        String first = browser.find("[data-testid=result-list] li").getText();
        assertThat(first).contains("附近测试堆场").containsPattern("\\d+ 米");
        assertThat(Integer.parseInt(first.replaceAll("(?s).*?(\\d+) 米.*", "$1"))).isLessThan(40);
    }

    @Test
    void aKindWithManySitesIsDrawnFromVectorTilesAndAClickStillOpensTheSite() throws IOException {
        long id = TestSites.heapInVerifying(http, "矢量瓦片测试堆场", 110.4801, 40.6901).get("id").asLong();
        browser.consoleErrors();
        browser.open("/?kinds=waste_heap&tilesAbove=0&view=40.6901,110.4801,16");
        browser.waitFor(d -> (Long) browser.js("return document.querySelectorAll('canvas.leaflet-tile-loaded').length") > 0);
        assertThat(browser.findAll(".leaflet-marker-icon [data-site-id]")).isEmpty();
        // read in one script: the legend is drawn again when the per-status counts arrive
        browser.waitFor(d -> {
            @SuppressWarnings("unchecked")
            Map<String, String> legend = (Map<String, String>) browser.js("""
                    return Object.fromEntries([...document.querySelectorAll('#legend li[data-status]')]
                        .map(li => [li.dataset.status, li.querySelector('.count').textContent]))""");
            return !legend.isEmpty() && legend.entrySet().stream().allMatch(
                    e -> e.getValue().equals(String.valueOf(serverCount("waste_heap", e.getKey()))));
        });
        new org.openqa.selenium.interactions.Actions(browser.driver())
                .moveToElement(browser.find("#map")).click().perform();
        browser.waitFor(d -> browser.find("#panel").isDisplayed()
                && browser.find("[data-testid=site-name]").getText().equals("矢量瓦片测试堆场"));
        assertThat(browser.driver().getCurrentUrl()).contains("site=" + id);
        assertThat(browser.consoleErrors()).isEmpty();
        browser.screenshot("desktop-vector-tiles");
        browser.open("/?kinds=recycling_site,waste_heap&tilesAbove=0");
        browser.waitFor(d -> "true".equals(browser.js("return document.body.dataset.tilesDrawn || null")));
        assertThat(browser.consoleErrors()).as("no tile asked outside the district").isEmpty();
        assertThat(browser.js("return performance.getEntriesByName('tile-draw').length")).isNotEqualTo(0L);
        assertThat(pixelsTheTilesAdd()).as("status-coloured pixels the tile layers draw").isGreaterThan(200);
        // every kind from tiles: one dataset tile per grid cell holds all five layers
        browser.open("/?tilesAbove=0");
        browser.waitFor(d -> "true".equals(browser.js("return document.body.dataset.tilesDrawn || null")));
        @SuppressWarnings("unchecked")
        List<String> tiles = (List<String>) browser.js(
                "return performance.getEntriesByType('resource').map(e => e.name).filter(n => n.includes('/tiles/'))");
        assertThat(tiles).isNotEmpty().allSatisfy(u -> assertThat(u).contains("/ogc/tiles/WebMercatorQuad/"));
        assertThat(browser.consoleErrors()).isEmpty();
        assertThat(pixelsTheTilesAdd()).as("status-coloured pixels the dataset tiles draw").isGreaterThan(200);
    }

    /** Status-coloured pixels that appear on screen when the tile layers are shown (two screenshots compared). */
    private int pixelsTheTilesAdd() throws IOException {
        browser.js("document.querySelectorAll('.leaflet-tile-container canvas').forEach(c => c.style.visibility = 'hidden')");
        java.awt.image.BufferedImage without = javax.imageio.ImageIO.read(browser.screenshot("tiles-hidden").toFile());
        browser.js("document.querySelectorAll('.leaflet-tile-container canvas').forEach(c => c.style.visibility = '')");
        java.awt.image.BufferedImage with = javax.imageio.ImageIO.read(browser.screenshot("tiles-shown").toFile());
        int[] palette = {0xE69F00, 0x56B4E9, 0x009E73, 0xF0E442, 0x0072B2, 0xD55E00, 0xCC79A7, 0x999999};
        int added = 0;
        for (int y = 0; y < with.getHeight(); y++) {
            for (int x = 0; x < with.getWidth(); x++) {
                int rgb = with.getRGB(x, y) & 0xFFFFFF;
                if (rgb != (without.getRGB(x, y) & 0xFFFFFF)
                        && java.util.Arrays.stream(palette).anyMatch(c -> near(rgb, c))) {
                    added++;
                }
            }
        }
        return added;
    }

    /** Within a few levels per channel (screenshots go through colour conversion). */
    private static boolean near(int rgb, int colour) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs((rgb >> shift & 0xFF) - (colour >> shift & 0xFF)) > 12) {
                return false;
            }
        }
        return true;
    }

    private long serverCount(String kind, String status) {
        String collection = org.wufei.gis.sites.KindRegistry.loadDefault().get(kind).collectionId();
        return http.get("/ogc/collections/" + collection + "/items?limit=1&status=" + status).json()
                .get("numberMatched").asLong();
    }

    private void clickSite(long id) {
        String css = ".leaflet-marker-icon [data-site-id='" + id + "']";
        browser.waitFor(d -> !browser.findAll(css).isEmpty());
        browser.find(css).click();
        browser.waitFor(d -> browser.find("#panel").isDisplayed());
    }
}
