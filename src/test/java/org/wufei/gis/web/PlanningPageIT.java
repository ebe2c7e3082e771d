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

/** The planning panel in a real headless Chromium: a planner picks a point on the map and runs nearest-sites. */
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
