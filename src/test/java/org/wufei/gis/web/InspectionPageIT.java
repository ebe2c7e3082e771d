package org.wufei.gis.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.wufei.gis.support.H2gisDatabase;
import org.wufei.gis.support.Http;
import org.wufei.gis.support.IntegrationTest;

/**
 * An inspector at work in a real headless Chromium: inspection with a photo that moves the heap on, GPS
 * denied, no signal (the outbox), and a session that expired while the phone was in the pocket.
 */
@IntegrationTest
@ContextConfiguration(initializers = H2gisDatabase.class)
class InspectionPageIT {
    private static final String VERMILLION = "#D55E00";
    private static final Path PHOTO = Path.of("src/test/resources/inspections/small-photo.jpg").toAbsolutePath();
    private static Browser browser;

    @LocalServerPort
    int port;
    Http http;

    @BeforeEach
    void start() {
        http = new Http(port);
        if (browser == null) {
            browser = new Browser(port, 1280, 900);
        }
        browser.offline(false);
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
    void inspectorSubmitsAPhotoAndMovesTheHeapToConfirmedAndTheMarkerChangesColourWithoutReload() {
        long id = openFormAsInspector("核查流程测试堆场", 110.4301, 40.7401);
        browser.js("window.__sameDocument = true");
        browser.find("[data-testid=photo-input]").sendKeys(PHOTO.toString());
        browser.waitFor(d -> browser.findAll(".photo-list li").size() == 1);
        browser.find("[data-testid=note]").sendKeys("现场确认存在煤矸石堆存");
        new Select(browser.find("[data-testid=next-status]")).selectByValue("confirmed");
        assertThat(new Select(browser.find("[data-testid=next-status]")).getOptions()).hasSize(3);
        browser.find("[data-testid=submit-inspection]").click();
        browser.waitFor(d -> VERMILLION.equals(browser.js(
                "return document.querySelector(\".leaflet-marker-icon [data-site-id='" + id + "'] .site-shape\")"
                        + ".getAttribute('fill')")));
        assertThat(browser.js("return window.__sameDocument === true")).isEqualTo(true);
        assertThat(http.get("/api/sites/" + id).json().get("status").asString()).isEqualTo("confirmed");
        var inspections = http.get("/api/sites/" + id + "/inspections").json();
        assertThat(inspections.size()).isEqualTo(1);
        assertThat(inspections.get(0).get("photos").size()).isEqualTo(1);
        browser.waitFor(d -> browser.find("[data-testid=site-status]").getText().contains("确认问题"));
        browser.waitFor(d -> !browser.findAll("[data-testid=photos] img").isEmpty());
        browser.screenshot("desktop-after-inspection");
    }

    @Test
    void withGpsDeniedTheFormSaysThePositionIsUnknownAndStillSends() {
        browser.geolocationDenied();
        long id = openFormAsInspector("定位拒绝测试堆场", 110.4401, 40.7501);
        browser.waitFor(d -> browser.find("[data-testid=gps-status]").getText().contains("位置未知"));
        browser.find("[data-testid=submit-inspection]").click();
        browser.waitFor(d -> http.get("/api/sites/" + id + "/inspections").json().size() == 1);
        assertThat(http.get("/api/sites/" + id + "/inspections").json().get(0).has("lat")).isFalse();
    }

    @Test
    void anInspectionMadeOfflineWaitsVisiblyAndIsSentExactlyOnceWhenTheConnectionReturns() {
        browser.geolocation(40.7601, 110.4501, 120);
        long id = openFormAsInspector("离线队列测试堆场", 110.4501, 40.7601);
        browser.waitFor(d -> browser.find("[data-testid=gps-warnings]").getText().contains("50"));
        browser.offline(true);
        browser.find("[data-testid=note]").sendKeys("无信号");
        browser.find("[data-testid=submit-inspection]").click();
        browser.waitFor(d -> "1".equals(browser.js("return document.body.dataset.outbox")));
        assertThat(browser.find("[data-testid=outbox]").getText()).contains("1 条待发送");
        assertThat(http.get("/api/sites/" + id + "/inspections").json().size()).isZero();
        browser.offline(false);
        browser.waitFor(d -> "0".equals(browser.js("return document.body.dataset.outbox")));
        assertThat(browser.find("[data-testid=outbox]").isDisplayed()).isFalse();
        browser.open("/?kinds=waste_heap");
        browser.asyncJs("const done = arguments[arguments.length - 1]; setTimeout(done, 500);");
        assertThat(http.get("/api/sites/" + id + "/inspections").json().size()).isEqualTo(1);
    }

    @Test
    void anExpiredSessionSendsTheInspectorToSignInAndKeepsTheQueuedInspection() {
        long id = openFormAsInspector("会话过期测试堆场", 110.4601, 40.7701);
        browser.driver().manage().deleteCookieNamed("JSESSIONID");
        browser.find("[data-testid=note]").sendKeys("会话过期前填写");
        browser.find("[data-testid=submit-inspection]").click();
        browser.waitFor(d -> d.getCurrentUrl().contains("/login.html"));
        browser.waitFor(d -> browser.find("#login-outbox").isDisplayed());
        assertThat(browser.find("#login-outbox").getText()).contains("1");
        assertThat(http.get("/api/sites/" + id + "/inspections").json().size()).isZero();
        browser.login("inspector");
        browser.waitFor(d -> http.get("/api/sites/" + id + "/inspections").json().size() == 1);
        browser.waitFor(d -> "0".equals(browser.js("return document.body.dataset.outbox")));
    }

    /** Signs in as inspector, opens a new heap in 现场核查 and its inspection form; returns the heap's id. */
    private long openFormAsInspector(String name, double lon, double lat) {
        long id = TestSites.heapInVerifying(http, name, lon, lat).get("id").asLong();
        browser.login("inspector");
        browser.open("/?kinds=waste_heap&view=" + lat + "," + lon + ",17");
        String css = ".leaflet-marker-icon [data-site-id='" + id + "']";
        browser.waitFor(d -> !browser.findAll(css).isEmpty());
        browser.find(css).click();
        browser.waitFor(d -> !browser.findAll("[data-testid=start-inspection]").isEmpty());
        browser.find("[data-testid=start-inspection]").click();
        browser.waitFor(d -> !browser.findAll("[data-testid=inspection-form]").isEmpty());
        return id;
    }
}
