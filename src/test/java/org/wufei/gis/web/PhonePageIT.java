package org.wufei.gis.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.wufei.gis.support.H2gisDatabase;
import org.wufei.gis.support.Http;
import org.wufei.gis.support.IntegrationTest;

/** The map page on a phone-sized screen (390×844 CSS pixels, touch) in a real headless Chromium. */
@IntegrationTest
@ContextConfiguration(initializers = H2gisDatabase.class)
class PhonePageIT {
    private static final int WIDTH = 390;
    private static final int HEIGHT = 844;
    private static Browser browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void reset() {
        browser = null;
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    private Browser phone() {
        if (browser == null) {
            browser = new Browser(port, WIDTH, HEIGHT);
            browser.cdp("Emulation.setDeviceMetricsOverride", Map.of("width", WIDTH, "height", HEIGHT,
                    "deviceScaleFactor", 2, "mobile", true));
            browser.cdp("Emulation.setTouchEmulationEnabled", Map.of("enabled", true, "maxTouchPoints", 5));
        }
        return browser;
    }

    @Test
    void theMapFillsThePhoneTheSitePanelIsABottomSheetAndEveryControlIsAtLeast44Pixels() {
        Browser b = phone();
        long id = TestSites.heapInVerifying(new Http(port), "手机测试堆场", 110.4701, 40.6801).get("id").asLong();
        b.open("/?kinds=waste_heap&view=40.6801,110.4701,17");
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) b.js(
                "const r = document.getElementById('map').getBoundingClientRect();"
                        + "return {w: r.width, h: r.height, bottom: r.bottom, vw: innerWidth, vh: innerHeight}");
        assertThat(((Number) map.get("vw")).intValue()).isEqualTo(WIDTH);
        assertThat(((Number) map.get("w")).doubleValue()).isEqualTo(WIDTH);
        assertThat(((Number) map.get("bottom")).doubleValue()).isEqualTo(((Number) map.get("vh")).doubleValue());
        assertThat(((Number) map.get("h")).doubleValue()).isGreaterThan(0.9 * ((Number) map.get("vh")).doubleValue());
        assertThat(b.find("#controls").isDisplayed()).isFalse();
        b.screenshot("phone-district");

        String css = ".leaflet-marker-icon [data-site-id='" + id + "']";
        b.waitFor(d -> !b.findAll(css).isEmpty());
        b.find(css).click();
        b.waitFor(d -> b.find("[data-testid=site-name]").getText().equals("手机测试堆场"));
        @SuppressWarnings("unchecked")
        Map<String, Object> sheet = (Map<String, Object>) b.js(
                "const r = document.getElementById('panel').getBoundingClientRect();"
                        + "return {left: r.left, width: r.width, top: r.top, bottom: r.bottom}");
        assertThat(((Number) sheet.get("left")).doubleValue()).isZero();
        assertThat(((Number) sheet.get("width")).doubleValue()).isEqualTo(WIDTH);
        assertThat(((Number) sheet.get("bottom")).doubleValue()).isEqualTo(((Number) map.get("vh")).doubleValue());
        assertThat(((Number) sheet.get("top")).doubleValue()).isGreaterThan(HEIGHT / 3.0);
        b.screenshot("phone-bottom-sheet");

        b.find("#toggle-controls").click();
        b.waitFor(d -> b.find("#controls").isDisplayed());
        @SuppressWarnings("unchecked")
        List<String> small = (List<String>) b.js("""
                return [...document.querySelectorAll('button, a.button, select, input:not([type=checkbox]):not([type=hidden]), .leaflet-bar a')]
                  .filter(e => e.offsetParent !== null)
                  .map(e => [e, e.getBoundingClientRect()])
                  .filter(([e, r]) => r.width < 44 || r.height < 44)
                  .map(([e, r]) => (e.id || e.className || e.tagName) + ' ' + r.width + 'x' + r.height)""");
        assertThat(small).isEmpty();
        @SuppressWarnings("unchecked")
        List<String> smallRows = (List<String>) b.js("""
                return [...document.querySelectorAll('.layers label')].filter(e => e.getBoundingClientRect().height < 44)
                  .map(e => e.textContent)""");
        assertThat(smallRows).isEmpty();
        b.screenshot("phone-layers");
    }
}
