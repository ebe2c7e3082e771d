package org.wufei.gis.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.wufei.gis.support.H2gisDatabase;
import org.wufei.gis.support.Http;
import org.wufei.gis.support.IntegrationTest;

/**
 * Office work in a real headless Chromium: the register import's mapping step (the proposal shown, a column and a
 * status value the user maps by hand), and the verification queue grouping a second report of the same heaps.
 */
@IntegrationTest
@ContextConfiguration(initializers = H2gisDatabase.class)
class RegisterPageIT {
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
    void theProposedMappingIsShownFixedByTheUserAndTheRegisterLoadsWithIt() throws Exception {
        String prefix = "PG" + Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36), 36)
                .toUpperCase(Locale.ROOT);
        double x = 110.06 + ThreadLocalRandom.current().nextDouble() * 0.3;
        double y = 40.80 + ThreadLocalRandom.current().nextDouble() * 0.05;
        Path file = Files.createTempFile("qingdan-", ".xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = book.createSheet("清单");
            List<List<String>> rows = List.of(List.of("编号", "名称", "类别", "负责单位", "状态", "WKT"),
                    List.of(prefix + "-1", "页面清单点一", "建筑垃圾", "某建筑公司", "已整改", square(x, y)),
                    List.of(prefix + "-2", "页面清单点二", "煤矸石堆场", "某煤矿", "确认问题", square(x + 0.004, y)));
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            book.write(out);
        }
        browser = new Browser(port, 1280, 1000);
        browser.login("admin");
        browser.open("/?kinds=waste_heap");
        assertThat(browser.find("#register-section").isDisplayed()).isTrue();
        browser.js("const s = document.querySelector('[data-testid=register-kind]'); s.value = 'waste_heap';"
                + " s.dispatchEvent(new Event('change'));");
        browser.find("[data-testid=register-input]").sendKeys(file.toAbsolutePath().toString());
        browser.waitFor(d -> !browser.findAll("[data-testid=register-run]").isEmpty());
        assertThat(target("名称")).isEqualTo("name");
        assertThat(target("类别")).isEqualTo("category");
        assertThat(target("编号")).isEqualTo("code");
        assertThat(target("负责单位")).isEmpty(); // not a label the service knows: the user maps it
        assertThat(statusOf("已整改")).isEmpty();
        assertThat(statusOf("确认问题")).isEqualTo("confirmed");
        browser.screenshot("register-mapping");
        choose("[data-testid=register-target][data-column='负责单位']", "responsible_party");
        choose("[data-testid=register-status][data-value='已整改']", "rectified");
        browser.find("[data-testid=register-run]").click();
        browser.waitFor(d -> !browser.find("[data-testid=register-result]").getText().isBlank());
        assertThat(browser.findAll("[data-testid=register-done]"))
                .as(browser.find("[data-testid=register-result]").getText()).hasSize(1);
        assertThat(browser.find("[data-testid=register-done]").getAttribute("data-created")).isEqualTo("2");

        Http http = new Http(port);
        long id = jdbc.sql("SELECT id FROM site WHERE code = ?").param(prefix + "-1").query(Long.class).single();
        var site = http.get("/api/sites/" + id, "admin").json();
        assertThat(site.get("status").asString()).isEqualTo("rectified");
        assertThat(site.get("attributes").get("responsible_party").asString()).isEqualTo("某建筑公司");
        Files.deleteIfExists(file);
    }

    @Test
    void theSameHeapsReportedTwiceAreGroupedAsDuplicatesInTheQueue() throws Exception {
        double x = 110.08 + ThreadLocalRandom.current().nextDouble() * 0.3;
        double y = 40.64 + ThreadLocalRandom.current().nextDouble() * 0.03;
        String features = "{\"type\":\"FeatureCollection\",\"features\":["
                + feature("页面重复点一", x, y) + "," + feature("页面重复点二", x + 0.01, y) + "]}";
        Path first = Files.writeString(Files.createTempFile("first-", ".geojson"), features);
        Path second = Files.writeString(Files.createTempFile("second-", ".geojson"), features + "\n");
        if (browser == null) {
            browser = new Browser(port, 1280, 1000);
        }
        browser.login("uploader");
        browser.open("/?kinds=waste_heap");
        browser.find("[data-testid=upload-input]").sendKeys(first.toAbsolutePath().toString());
        browser.waitFor(d -> !browser.findAll("[data-testid=triage-counts]").isEmpty());
        browser.find("[data-testid=upload-input]").sendKeys(second.toAbsolutePath().toString());
        browser.waitFor(d -> !browser.findAll("[data-testid=duplicate-group]").isEmpty());
        assertThat(browser.find("[data-testid=triage-duplicates]").getAttribute("data-duplicate")).isEqualTo("2");
        assertThat(browser.findAll("[data-testid=duplicate-group]")).hasSize(1);
        assertThat(browser.findAll(".triage tr[data-triage=duplicate]")).hasSize(2);
        browser.screenshot("queue-duplicates");
        Files.deleteIfExists(first);
        Files.deleteIfExists(second);
    }

    private static String target(String column) {
        return (String) browser.js("return document.querySelector(\"[data-testid=register-target][data-column='"
                + column + "']\").value");
    }

    private static String statusOf(String value) {
        return (String) browser.js("return document.querySelector(\"[data-testid=register-status][data-value='"
                + value + "']\").value");
    }

    private static void choose(String css, String value) {
        browser.js("const s = document.querySelector(arguments[0]); s.value = arguments[1];"
                + " s.dispatchEvent(new Event('change'));", css, value);
    }

    private static String square(double x, double y) {
        double d = 0.0006;
        return String.format(Locale.ROOT, "POLYGON ((%.6f %.6f, %.6f %.6f, %.6f %.6f, %.6f %.6f, %.6f %.6f))",
                x, y, x + d, y, x + d, y + d, x, y + d, x, y);
    }

    private static String feature(String name, double x, double y) {
        double d = 0.0005;
        return String.format(Locale.ROOT, "{\"type\":\"Feature\",\"properties\":{\"名称\":\"%s\"},\"geometry\":"
                + "{\"type\":\"Polygon\",\"coordinates\":[[[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f],"
                + "[%.6f,%.6f]]]}}", name, x, y, x + d, y, x + d, y + d, x, y + d, x, y);
    }
}
