package org.wufei.gis.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.print.PrintOptions;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.wufei.gis.support.H2gisDatabase;
import org.wufei.gis.support.Http;
import org.wufei.gis.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The indicator board (无废城市建设指标) in a real headless Chromium: cards with data, drill-down, English, the
 * monthly chart against the target, the township choropleth and its drill-down to the map, the printed work brief.
 */
@IntegrationTest
@ContextConfiguration(initializers = H2gisDatabase.class)
class IndicatorsPageIT {
    private static Browser browser;

    @LocalServerPort
    int port;

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @Test
    void theBoardShowsEachIndicatorAndACardDrillsDownToItsSites() throws Exception {
        JsonNode heap = new Http(port).get("/api/indicators/heap-rectification").json();
        browser = browser == null ? new Browser(port, 1280, 900) : browser;
        browser.open("/indicators.html");
        assertThat(browser.find("h1").getText()).isEqualTo("无废城市建设指标");
        var card = browser.find(".indicator-card[data-id='heap-rectification']");
        assertThat(card.getText()).contains("附件1 指标 34").contains("2025 年目标 100%")
                .contains("牵头部门：市生态环境局分局")
                .contains(heap.get("numerator").asLong() + " / " + heap.get("denominator").asLong());
        assertThat(browser.findAll(".indicator-card")).hasSizeGreaterThanOrEqualTo(8);
        assertThat(browser.find(".indicator-card[data-id='straw-collection-coverage']").getText())
                .contains("2020 年基准 16.1%");

        card.findElement(org.openqa.selenium.By.cssSelector("button.drill")).click();
        browser.waitFor(d -> !browser.find("#indicator-sites").getAttribute("class").isEmpty()
                && browser.find("#indicator-sites").isDisplayed());
        int rows = browser.findAll("#indicator-sites tbody tr").size();
        assertThat(rows).isEqualTo(heap.get("numerator").asInt() + heap.get("denominator").asInt());
        assertThat(browser.find("#indicator-sites tbody").getText()).contains("分子").contains("分母");
        assertThat(browser.find("#indicator-sites-map").getAttribute("href")).contains("kinds=");
        assertThat(browser.consoleErrors()).isEmpty();
        browser.screenshot("indicators");

        String pdf = browser.driver() instanceof PrintsPage p ? p.print(new PrintOptions()).getContent() : null;
        byte[] bytes = Base64.getDecoder().decode(pdf);
        assertThat(new String(bytes, 0, 5)).isEqualTo("%PDF-");
        Files.write(Browser.ARTIFACTS.resolve("indicators.pdf"), bytes);

        browser.open("/indicators.html?lang=en");
        assertThat(browser.find("h1").getText()).isEqualTo("Zero-waste city indicators");
        assertThat(browser.find(".indicator-card[data-id='heap-rectification']").getText())
                .contains("Annex 1, indicator 34").contains("Lead bureau: Ecology and Environment Bureau");
    }

    @Test
    void theChartDrawsTheMonthlySeriesAgainstTheTargetAndTheMapShadesEachTownship() throws Exception {
        Http http = new Http(port);
        JsonNode series = http.get("/api/indicators/heap-rectification/series").json();
        browser = browser == null ? new Browser(port, 1280, 900) : browser;
        browser.open("/indicators.html");
        browser.waitFor(d -> "heap-rectification".equals(browser.js(
                "return document.querySelector('#indicator-chart').dataset.indicator || null")));
        Number points = (Number) browser.js("return echarts.getInstanceByDom("
                + "document.querySelector('#indicator-chart'))"
                + ".getOption().series[0].data.length");
        assertThat(points.intValue()).isEqualTo(series.get("points").size());
        Number target = (Number) browser.js("return echarts.getInstanceByDom("
                + "document.querySelector('#indicator-chart'))"
                + ".getOption().series[0].markLine.data[0].yAxis");
        assertThat(target.doubleValue()).isEqualTo(100.0);
        assertThat(browser.findAll("#indicator-chart svg path")).isNotEmpty();

        // the choropleth: one shaded township per township, each with the value the API gives for it
        var shapes = browser.findAll("#indicator-map path[data-township]");
        assertThat(shapes).hasSize(http.get("/api/ui/reference/townships").json().get("features").size());
        String first = shapes.get(0).getAttribute("data-township");
        JsonNode there = http.get("/api/indicators/heap-rectification?township="
                + java.net.URLEncoder.encode(first, java.nio.charset.StandardCharsets.UTF_8)).json();
        String shown = shapes.get(0).getAttribute("data-value");
        if (there.get("value").isNull()) {
            assertThat(shown).isEmpty();
        } else {
            assertThat(Double.parseDouble(shown)).isEqualTo(there.get("value").asDouble());
        }

        // another card's trend replaces the chart and reshades the map
        browser.find(".indicator-card[data-id='sites-open'] button.select").click();
        browser.waitFor(d -> "sites-open".equals(browser.js(
                "return document.querySelector('#indicator-chart').dataset.indicator || null")));
        assertThat(browser.find("#indicator-map-title").getText()).contains("在办点位数");
        browser.js("document.querySelector('.indicator-views').scrollIntoView()");
        browser.screenshot("indicators-chart-map");

        // a township on the map drills down to its sites, and on to the map page filtered to them
        var busiest = browser.findAll("#indicator-map path[data-township]").stream().max(java.util.Comparator
                .comparingDouble(e -> Double.parseDouble(e.getAttribute("data-value")))).orElseThrow();
        String township = busiest.getAttribute("data-township");
        assertThat(Double.parseDouble(busiest.getAttribute("data-value"))).isPositive();
        browser.js("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", busiest);
        browser.waitFor(d -> township.equals(browser.js(
                "return document.querySelector('#indicator-sites').dataset.township || null")));
        JsonNode sites = http.get("/api/indicators/sites-open/sites?township="
                + java.net.URLEncoder.encode(township, java.nio.charset.StandardCharsets.UTF_8)).json();
        assertThat(browser.findAll("#indicator-sites tbody tr")).hasSize(sites.get("numerator").size());
        String link = browser.find("#indicator-sites-map").getAttribute("href");
        assertThat(java.net.URLDecoder.decode(link, java.nio.charset.StandardCharsets.UTF_8))
                .contains("township=" + township).contains("kinds=");
        browser.find("#indicator-sites-map").click();
        browser.waitFor(d -> "true".equals(browser.js("return document.body.dataset.ready || null"))
                && d.getCurrentUrl().contains("township="));
        browser.waitFor(d -> township.equals(browser.js("return document.querySelector('#f-township').value")));
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void printingGivesTheWorkBriefWithTheIndicatorsTableAndTheOverdueSitesByTownship() throws Exception {
        Http http = new Http(port);
        JsonNode board = http.get("/api/indicators").json();
        JsonNode overdue = http.get("/api/indicators/sites-overdue/sites").json();
        browser = browser == null ? new Browser(port, 1280, 900) : browser;
        browser.open("/indicators.html");
        browser.cdp("Emulation.setEmulatedMedia", java.util.Map.of("media", "print"));
        try {
            assertThat(browser.find("#brief").isDisplayed()).isTrue();
            assertThat(browser.find("#indicator-cards").isDisplayed()).isFalse();
            assertThat(browser.find("#brief-title").getText()).isEqualTo("石拐区无废城市建设工作简报");
            assertThat(browser.findAll("#brief .brief-indicators tbody tr")).hasSize(board.get("indicators").size());
            assertThat(browser.find("#brief .brief-indicators tr[data-id='straw-collection-coverage']").getText())
                    .contains("17").contains("16.1").contains("30").contains("区农牧局");
            var rows = browser.findAll("#brief .brief-overdue tbody tr[data-township]");
            int listed = rows.stream().mapToInt(r -> Integer.parseInt(
                    r.findElement(org.openqa.selenium.By.cssSelector("td:nth-child(2)")).getText())).sum();
            assertThat(listed).isEqualTo(overdue.get("numerator").size());
            browser.screenshot("indicators-brief");
        } finally {
            browser.cdp("Emulation.setEmulatedMedia", java.util.Map.of("media", ""));
        }
        PrintOptions a4 = new PrintOptions();
        a4.setPageSize(new org.openqa.selenium.print.PageSize(29.7, 21.0));
        String pdf = ((PrintsPage) browser.driver()).print(a4).getContent();
        byte[] bytes = Base64.getDecoder().decode(pdf);
        assertThat(new String(bytes, 0, 5)).isEqualTo("%PDF-");
        Files.write(Browser.ARTIFACTS.resolve("indicators-brief.pdf"), bytes);
    }
}
