package org.wufei.gis.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.wufei.gis.support.H2gisDatabase;
import org.wufei.gis.support.IntegrationTest;

/** The public report page (举报) in a real headless Chromium, signed out, at phone size. */
@IntegrationTest
@ContextConfiguration(initializers = H2gisDatabase.class)
class ReportPageIT {
    private static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @Test
    void aSignedOutVisitorReportsWithGpsAndAPhotoAndFollowsTheOutcomeByTrackingCode() throws Exception {
        browser = new Browser(port, 412, 900);
        browser.cdp("Network.enable", Map.of());
        browser.cdp("Network.setExtraHTTPHeaders", Map.of("headers",
                Map.of("X-Forwarded-For", "192.0.2." + ThreadLocalRandom.current().nextInt(1, 255))));
        browser.geolocation(40.7391, 110.2133, 8);
        browser.open("/report.html");
        assertThat(browser.find("h1").getText()).isEqualTo("举报疑似固废倾倒点");

        browser.find("#report-submit").click();
        assertThat(browser.find("#report-error").getText()).isEqualTo("请先在地图上点选位置，或使用手机定位。");

        new Actions(browser.driver()).moveToElement(browser.find("#report-map")).click().perform();
        browser.waitFor(d -> !browser.find("#report-lon").getDomProperty("value").isEmpty());
        browser.find("#report-gps").click();
        browser.waitFor(d -> "110.213300".equals(browser.find("#report-lon").getDomProperty("value")));
        assertThat(browser.find("#report-where").getText()).contains("110.21330").contains("40.73910");

        browser.find("#report-description").sendKeys("山沟里倒了两车建筑垃圾 <b>急</b>");
        browser.find("#report-photo").sendKeys(Path.of("src/test/resources/reports/photo-with-exif-gps.jpg")
                .toAbsolutePath().toString());
        browser.screenshot("report-form");
        browser.find("#report-submit").click();
        browser.waitFor(d -> browser.find("#report-done").isDisplayed());
        String code = browser.find("#report-code").getText();
        assertThat(code).matches("[2-9A-Z]{5}-[2-9A-Z]{5}");
        assertThat(jdbc.sql("SELECT description FROM public_report WHERE tracking_code = ?").param(code)
                .query(String.class).single()).isEqualTo("山沟里倒了两车建筑垃圾 <b>急</b>");
        assertThat(jdbc.sql("SELECT photo FROM public_report WHERE tracking_code = ?").param(code)
                .query(String.class).single()).isEqualTo(code + ".jpg");

        browser.find("#track-form button").click();
        browser.waitFor(d -> !browser.find("#track-result").getText().isEmpty());
        assertThat(browser.find("#track-result").getText()).contains(code).contains("已受理，待核查");
        assertThat(browser.consoleErrors()).isEmpty();
        browser.screenshot("report");

        browser.open("/report.html?lang=en&code=ABCDE-FGHJK");
        browser.waitFor(d -> !browser.find("#track-result").getText().isEmpty());
        assertThat(browser.find("h1").getText()).isEqualTo("Report a suspected waste dump");
        assertThat(browser.find("#track-result").getText()).contains("ABCDE-FGHJK");
    }
}
