package org.wufei.gis.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.print.PrintOptions;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.wufei.gis.support.H2gisDatabase;
import org.wufei.gis.support.Http;
import org.wufei.gis.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The public disclosure page (信息公开) in a real headless Chromium, signed out, on screen and printed. */
@IntegrationTest
@ContextConfiguration(initializers = H2gisDatabase.class)
class DisclosurePageIT {
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
    void aSignedOutReaderSeesTheSiteSignedOffTodayAndCanPrintThePage() throws Exception {
        Http http = new Http(port);
        JsonNode heap = TestSites.heapInVerifying(http, "信息公开页面测试堆场", 110.3600, 40.8400);
        String etag = http.get("/api/sites/" + heap.get("id").asLong(), "admin").header("ETag");
        String[][] steps = {
            {"confirmed", "{\"note\":\"属实\",\"evidence\":[{\"type\":\"inspection\",\"ref\":\"I1\"}]}"},
            {"rectifying", "{\"mode\":\"deadline\",\"deadline\":\"2099-12-31\"}"},
            {"rectified", "{\"note\":\"清运\",\"evidence\":[{\"type\":\"cleanup\",\"ref\":\"C1\"}]}"},
            {"reviewed", "{\"note\":\"复核\",\"evidence\":[{\"type\":\"inspection\",\"ref\":\"I2\"}]}"},
            {"closed", "{\"note\":\"销号\",\"publicNote\":\"已清运并复绿\",\"evidence\":[{\"type\":\"cleanup\",\"ref\":\"C1\"},"
                    + "{\"type\":\"source_tracing\",\"notApplicableReason\":\"无主\"},"
                    + "{\"type\":\"penalty\",\"notApplicableReason\":\"无主\"},"
                    + "{\"type\":\"public_notice\",\"notApplicableReason\":\"本页公示\"}]}"}};
        for (String[] step : steps) {
            ObjectNode body = (ObjectNode) Http.JSON.readTree(step[1]);
            body.put("to", step[0]);
            Http.Response r = http.post("/api/sites/" + heap.get("id").asLong() + "/transitions", "admin",
                    body.toString(), etag);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            etag = r.header("ETag");
        }
        String code = heap.get("code").asString();
        browser = new Browser(port, 1280, 900);
        browser.open("/disclosure.html");
        var row = browser.find("#signed-off tr[data-code='" + code + "']");
        assertThat(row.getText()).contains("信息公开页面测试堆场").contains("已销号").contains("已清运并复绿");
        assertThat(browser.find("h1").getText()).isEqualTo("历史遗留固废堆场整治信息公开");
        assertThat(browser.consoleErrors()).isEmpty();
        browser.screenshot("disclosure");

        String pdf = browser.driver() instanceof org.openqa.selenium.PrintsPage p
                ? p.print(new PrintOptions()).getContent() : null;
        byte[] bytes = Base64.getDecoder().decode(pdf);
        assertThat(new String(bytes, 0, 5)).isEqualTo("%PDF-");
        Files.write(Browser.ARTIFACTS.resolve("disclosure.pdf"), bytes);

        browser.open("/disclosure.html?lang=en");
        assertThat(browser.find("h1").getText()).isEqualTo("Remediation of historical solid-waste heaps: public disclosure");
    }
}
