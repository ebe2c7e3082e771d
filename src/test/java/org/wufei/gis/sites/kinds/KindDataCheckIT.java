package org.wufei.gis.sites.kinds;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.wufei.gis.common.DatabaseKind;
import org.wufei.gis.sites.KindRegistry;
import org.wufei.gis.support.TestDatabases;

/**
 * Changing definitions safely: a start is refused, naming the sites, when stored data uses an attribute the
 * definition dropped, holds values of another type than the definition now says, or has a kind without definition;
 * an added optional attribute is fine. On H2GIS and PostGIS.
 */
class KindDataCheckIT {
    private static final KindRegistry KINDS = KindRegistry.load(List.of(Path.of("src/test/resources/kinds/new-kind")));

    @Test
    void onH2gis() {
        cases(TestDatabases.h2gisUrl(), DatabaseKind.H2GIS);
    }

    @Test
    void onPostgis() {
        TestDatabases.requirePostgis();
        cases(TestDatabases.newPostgisDatabase(), DatabaseKind.POSTGIS);
    }

    private static void cases(String url, DatabaseKind db) {
        var ds = new SingleConnectionDataSource(url, true);
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        jdbc.execute("CREATE TABLE site (id BIGINT PRIMARY KEY, code VARCHAR(32), kind VARCHAR(32), attributes "
                + (db == DatabaseKind.POSTGIS ? "jsonb" : "JSON") + ")");
        String json = db == DatabaseKind.POSTGIS ? "CAST(? AS jsonb)" : "? FORMAT JSON";
        String insert = "INSERT INTO site VALUES (?, ?, ?, " + json + ")";

        jdbc.update(insert, 1, "T-CY-0001", "compost_yard", "{\"feedstock\":\"manure\",\"capacity_t\":12.5}");
        jdbc.update(insert, 2, "T-CY-0002", "compost_yard", "{\"feedstock\":\"straw\"}");
        assertThatCode(() -> KindDataCheck.check(jdbc, db, KINDS)).as("data that fits").doesNotThrowAnyException();

        jdbc.update(insert, 3, "T-CY-0003", "compost_yard", "{\"feedstock\":\"straw\",\"colour\":\"red\"}");
        assertThatThrownBy(() -> KindDataCheck.check(jdbc, db, KINDS)).as("attribute removed")
                .hasMessageContaining("attribute 'colour' of kind 'compost_yard' is no longer defined")
                .hasMessageContaining("T-CY-0003").hasMessageContaining("compost_yard.yml");
        jdbc.update("DELETE FROM site WHERE id = 3");

        jdbc.update(insert, 4, "T-CY-0004", "compost_yard", "{\"feedstock\":\"straw\",\"capacity_t\":\"big\"}");
        assertThatThrownBy(() -> KindDataCheck.check(jdbc, db, KINDS)).as("attribute retyped")
                .hasMessageContaining("attribute 'capacity_t' of kind 'compost_yard' is number but 1 site(s) hold "
                        + "string values: [T-CY-0004]");
        jdbc.update("DELETE FROM site WHERE id = 4");

        jdbc.update(insert, 5, "T-XX-0005", "removed_kind", "{}");
        assertThatThrownBy(() -> KindDataCheck.check(jdbc, db, KINDS)).as("kind removed")
                .hasMessageContaining("kind 'removed_kind' has no definition but 1 site(s) have it: [T-XX-0005]");
        ds.destroy();
    }
}
