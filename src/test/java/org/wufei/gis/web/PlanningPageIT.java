package org.wufei.gis.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.wufei.gis.support.H2gisDatabase;
import org.wufei.gis.support.IntegrationTest;

/**
 * The planning panel in a real headless Chromium: a planner picks a point on the map, runs nearest-sites and
 * downloads the result through the export buttons.
 */
@IntegrationTest
@ContextConfiguration(initializers = H2gisDatabase.class)
class PlanningPageIT {
    private static Browser browser;

    @LocalServerPort
    int port;

    @BeforeEach
    void start() {
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
    void aPlannerPicksAPointRunsNearestSitesAndSeesThemDrawnAndListed() {
        browser.login("planner");
        // a view with no site within 4 km of its centre: other tests add sites around the district seat
        browser.open("/?view=40.7771,110.0468,15");
        browser.waitFor(d -> "true".equals(browser.js("return document.querySelector('#planning-section').dataset.ready"
                + " || null")));
        new Select(browser.find("[data-testid=plan-process]")).selectByValue("nearest-sites");
        browser.waitFor(d -> !browser.findAll("[data-testid=plan-geom-point]").isEmpty());
        pickAPointOnTheMap();
        browser.find("[data-testid=plan-input-k]").sendKeys("3");
        browser.find("[data-testid=plan-run]").click();
        browser.waitFor(d -> "3".equals(browser.js("return document.body.dataset.planResult || null")),
                Duration.ofSeconds(30));
        assertThat(browser.findAll("[data-testid=plan-results] tbody tr")).hasSize(3);
        assertThat(browser.find("[data-testid=plan-summary]").getText()).contains("3");
        assertThat((Long) browser.js("return document.querySelectorAll('path.leaflet-interactive[stroke=\"#D55E00\"]')"
                + ".length")).isGreaterThanOrEqualTo(3L);
        browser.screenshot("planning-nearest-sites");
        theExportButtonsDownloadTheResult();
    }

    /** Each export button's link, fetched with the planner's session, gives the file its label promises. */
    private void theExportButtonsDownloadTheResult() {
        String[][] expected = {
            {"gpkg", "application/geopackage+sqlite3", "SQLite format 3"},
            {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "PK"},
            {"kml", "application/vnd.google-earth.kml+xml", "<?xml"},
            {"csv", "text/csv", "\uFEFFresult_id"}};
        for (String[] e : expected) {
            WebElement button = browser.find("[data-testid=plan-export-" + e[0] + "]");
            assertThat(button.isDisplayed()).isTrue();
            assertThat(button.getAttribute("href")).contains("/ogc/jobs/").endsWith("/results?f=" + e[0]);
            @SuppressWarnings("unchecked")
            java.util.Map<String, Object> got = (java.util.Map<String, Object>) browser.asyncJs(
                    "const done = arguments[arguments.length - 1];"
                    + "fetch(arguments[0], {credentials: 'same-origin'}).then(async r => {"
                    + "  const bytes = new Uint8Array(await r.arrayBuffer());"
                    + "  done({status: r.status, type: r.headers.get('Content-Type'),"
                    + "        disposition: r.headers.get('Content-Disposition'),"
                    + "        head: new TextDecoder('utf-8', {ignoreBOM: true}).decode(bytes.slice(0, 16))});"
                    + "}).catch(err => done({error: String(err)}));", button.getAttribute("href"));
            assertThat(got.get("status")).as(e[0] + " " + got).isEqualTo(200L);
            assertThat((String) got.get("type")).startsWith(e[1]);
            assertThat((String) got.get("disposition")).contains("attachment").contains("nearest_sites");
            assertThat((String) got.get("head")).startsWith(e[2]);
        }
    }

    @Test
    void aViewerSeesNoPlanningPanel() {
        browser.login("viewer");
        browser.open("/");
        assertThat(browser.find("#planning-section").isDisplayed()).isFalse();
    }

    /** Clicks the map near its centre, moving off a site marker if the click landed on one. */
    private void pickAPointOnTheMap() {
        WebElement map = browser.find("#map");
        int[][] offsets = {{0, 0}, {37, 23}, {-41, 19}, {29, -33}, {-23, -37}, {61, 5}, {-5, 59}};
        for (int[] o : offsets) {
            new Actions(browser.driver()).moveToElement(map, o[0], o[1]).click().perform();
            try {
                // the map handles the click asynchronously: give it a moment before trying another spot
                browser.waitFor(d -> browser.find("[data-testid=plan-geom-point]").getText().contains("已选取"),
                        Duration.ofSeconds(2));
                return;
            } catch (org.openqa.selenium.TimeoutException landedOnASite) {
                // the click opened a site instead: close its panel and try the next spot
            }
            browser.js("const c = document.querySelector('#panel-close'); if (c && !c.closest('[hidden]')) c.click();");
        }
        throw new AssertionError("no free spot on the map to pick");
    }
}
