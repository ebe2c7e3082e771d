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

/** The indicator board (无废城市建设指标) in a real headless Chromium: cards with data, drill-down, English, print. */
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
        browser = new Browser(port, 1280, 900);
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
}
