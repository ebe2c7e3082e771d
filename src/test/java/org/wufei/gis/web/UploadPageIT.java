package org.wufei.gis.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.wufei.gis.support.H2gisDatabase;
import org.wufei.gis.support.Http;
import org.wufei.gis.support.IntegrationTest;

/** Office work in a real headless Chromium: upload screening results, read the triage, promote a new one. */
@IntegrationTest
@ContextConfiguration(initializers = H2gisDatabase.class)
class UploadPageIT {
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
    void anUploadReachesOneHundredPercentAndTheTriageTableCountsNewKnownAndChanged() throws IOException {
        Http http = new Http(port);
        double[] spot = emptySpot(http);
        TestSites.heapInVerifying(http, "上传测试已登记堆场", spot[0], spot[1]);
        double d = 0.0004;
        String file = """
                {"type":"FeatureCollection","features":[
                %s,
                %s,
                %s]}""".formatted(
                square("known: the registered heap again", spot[0], spot[1], d),
                square("new: 900 m north", spot[0], spot[1] + 0.008, d),
                square("new: <img src=x onerror=window.__pwned=1> 900 m south", spot[0], spot[1] - 0.008, d));
        Path upload = Files.createTempFile("screening-", ".geojson");
        Files.writeString(upload, file, StandardCharsets.UTF_8);
        browser = new Browser(port, 1280, 900);
        browser.login("uploader");
        browser.open("/?kinds=waste_heap");
        assertThat(browser.find("#upload-section").isDisplayed()).isTrue();
        browser.find("[data-testid=upload-input]").sendKeys(upload.toAbsolutePath().toString());
        browser.waitFor(d2 -> !browser.findAll("[data-testid=triage-counts]").isEmpty());
        assertThat(browser.find("[data-testid=upload-progress]").getAttribute("value")).isEqualTo("100");
        assertThat(browser.find("[data-testid=job-progress]").getAttribute("value")).isEqualTo("100");
        var counts = browser.find("[data-testid=triage-counts]");
        assertThat(counts.getAttribute("data-new")).isEqualTo("2");
        assertThat(counts.getAttribute("data-known")).isEqualTo("1");
        assertThat(counts.getAttribute("data-changed")).isEqualTo("0");
        assertThat(browser.findAll(".triage tbody tr")).hasSize(3);
        assertThat(browser.findAll(".triage tr[data-triage=new]")).hasSize(2);

        String before = browser.driver().getCurrentUrl();
        browser.find(".triage tr[data-triage=known]").click();
        browser.waitFor(d2 -> !browser.driver().getCurrentUrl().equals(before));
        browser.find(".triage tr[data-triage=new] [data-testid=promote]").click();
        browser.waitFor(d2 -> browser.findAll(".triage [data-testid=promote]").size() == 1);
        assertThat(browser.js("return window.__pwned === undefined")).isEqualTo(true);
        assertThat(http.get("/api/sites?kind=waste_heap&status=suspected&bbox=" + box(spot, 0.012)).json()
                .get("total").asLong()).isEqualTo(1);
        browser.screenshot("desktop-triage");
        Files.deleteIfExists(upload);
    }

    private static String square(String name, double lon, double lat, double d) {
        return String.format(Locale.ROOT, "{\"type\":\"Feature\",\"properties\":{\"name\":%s},\"geometry\":"
                + "{\"type\":\"Polygon\",\"coordinates\":[[[%f,%f],[%f,%f],[%f,%f],[%f,%f],[%f,%f]]]}}",
                Http.JSON.writeValueAsString(name), lon - d, lat - d, lon + d, lat - d, lon + d, lat + d, lon - d,
                lat + d, lon - d, lat - d);
    }

    /** A point of the district with no site within about 1.5 km, so the triage answers are known in advance. */
    private static double[] emptySpot(Http http) {
        java.util.List<double[]> sites = new java.util.ArrayList<>();
        for (int page = 0; ; page++) {
            var items = http.get("/api/sites?size=1000&page=" + page).json().get("items");
            items.forEach(i -> sites.add(new double[] {i.get("point").get(0).asDouble(), i.get("point").get(1).asDouble()}));
            if (items.size() < 1000) {
                break;
            }
        }
        for (double lat = 40.85; lat > 40.62; lat -= 0.005) {
            for (double lon = 110.50; lon > 110.05; lon -= 0.005) {
                double la = lat;
                double lo = lon;
                if (sites.stream().noneMatch(p -> Math.abs(p[0] - lo) < 0.018 && Math.abs(p[1] - la) < 0.014)) {
                    return new double[] {lon, lat};
                }
            }
        }
        throw new IllegalStateException("no empty spot left in the district");
    }

    private static String box(double[] c, double r) {
        return String.format(Locale.ROOT, "%f,%f,%f,%f", c[0] - r * 1.3, c[1] - r, c[0] + r * 1.3, c[1] + r);
    }
}
