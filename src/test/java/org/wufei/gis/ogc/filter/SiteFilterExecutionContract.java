package org.wufei.gis.ogc.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Filters run against a real spatial database: written once, run on H2GIS and on PostGIS by the subclasses.
 *
 * <p>The ten sites lie around the district seat near 110.27E 40.67N; site 2 is ~300 m and site 3 ~700 m east of
 * site 1, and site 8's name is itself an injection attempt that must be found as plain text.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SiteFilterExecutionContract {

    static final String INJECTION_NAME = "x'); DROP TABLE site;--";

    private static final Object[][] SITES = {
        {1, "Heap A", "confirmed", 1200.5, "2024-01-10T08:00:00Z", "POINT(110.27 40.67)"},
        {2, "Heap B", "suspected", 300.0, "2024-02-15T12:00:00Z", "POINT(110.273553 40.67)"},
        {3, "Pond C", "confirmed", 5000.0, "2024-03-01T00:00:00Z", "POINT(110.27829 40.67)"},
        {4, "O'Brien heap", "remediated", 80.0, "2023-12-31T23:59:59Z", "POINT(110.25 40.66)"},
        {5, "Straw 50%", "confirmed", null, "2024-06-01T00:00:00Z", "POINT(110.3 40.7)"},
        {6, "Mine_6", "remediated", 25000.0, "2024-01-01T00:00:00Z",
            "POLYGON((110.26 40.68, 110.262 40.68, 110.262 40.682, 110.26 40.682, 110.26 40.68))"},
        {7, "回收站", "suspected", 640.0, null, "POINT(110.28 40.66)"},
        {8, INJECTION_NAME, "suspected", 10.0, "2024-01-05T00:00:00Z", "POINT(110.29 40.69)"},
        {9, "Heap 9", "confirmed", 999.99, "2024-12-31T00:00:00Z", "POINT(110.24 40.64)"},
        {10, "Heap 10", "confirmed", 150.0, "2024-05-05T00:00:00Z", "LINESTRING(110.265 40.665, 110.275 40.675)"},
    };

    abstract Connection connection();

    abstract SpatialDialect dialect();

    /** DDL that differs between the databases: the spatial index. */
    abstract String spatialIndexDdl();

    void createSites() throws SQLException {
        try (Statement st = connection().createStatement()) {
            st.execute("CREATE TABLE site (id INTEGER PRIMARY KEY, name VARCHAR(200) NOT NULL, "
                    + "status VARCHAR(30) NOT NULL, area_m2 DOUBLE PRECISION, updated_at TIMESTAMP WITH TIME ZONE, "
                    + "geom GEOMETRY(GEOMETRY, 4326) NOT NULL)");
            st.execute(spatialIndexDdl());
        }
        try (PreparedStatement ps = connection().prepareStatement(
                "INSERT INTO site VALUES (?, ?, ?, ?, ?, ST_GeomFromText(?, 4326))")) {
            for (Object[] s : SITES) {
                ps.setInt(1, (Integer) s[0]);
                ps.setString(2, (String) s[1]);
                ps.setString(3, (String) s[2]);
                ps.setObject(4, s[3]);
                ps.setObject(5, s[4] == null ? null : OffsetDateTime.parse((String) s[4]));
                ps.setString(6, (String) s[5]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    List<Integer> idsMatching(SqlFilter filter) throws SQLException {
        List<Integer> ids = new ArrayList<>();
        try (PreparedStatement ps = connection().prepareStatement(
                "SELECT id FROM site WHERE " + filter.whereSql() + " ORDER BY id")) {
            for (int i = 0; i < filter.params().size(); i++) {
                ps.setObject(i + 1, filter.params().get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getInt(1));
                }
            }
        }
        return ids;
    }

    List<Integer> text(String filter) throws SQLException {
        return idsMatching(Cql2SqlTranslator.translate(Cql2Text.parse(filter), SiteQueryables.SITE, dialect(),
                GeometryNormaliser.CRS84));
    }

    private static List<Integer> ids(String csv) {
        List<Integer> ids = new ArrayList<>();
        if (!csv.isBlank()) {
            for (String s : csv.split(" ")) {
                ids.add(Integer.parseInt(s));
            }
        }
        return ids;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        status = 'confirmed'                                                    | 1 3 5 9 10
        (status = 'confirmed') AND area_m2 > 1000                               | 1 3
        NOT (status = 'confirmed') OR area_m2 < 50                              | 2 4 6 7 8
        name LIKE 'Heap%'                                                       | 1 2 9 10
        name LIKE 'Straw 50\\%'                                                 | 5
        name LIKE 'Mine\\_6'                                                    | 6
        name LIKE '%heap'                                                       | 4
        name NOT LIKE 'Heap%'                                                   | 3 4 5 6 7 8
        name = 'O''Brien heap'                                                  | 4
        name = '回收站'                                                          | 7
        "site name" = 'Heap A'                                                  | 1
        status IN ('suspected', 'remediated')                                   | 2 4 6 7 8
        status NOT IN ('confirmed')                                             | 2 4 6 7 8
        area_m2 BETWEEN 100 AND 1000                                            | 2 7 9 10
        area_m2 IS NULL                                                         | 5
        updated_at IS NULL                                                      | 7
        id >= 9                                                                 | 9 10
        S_DWITHIN(geom, POINT(110.27 40.67), 500, meters)                       | 1 2 10
        S_DWITHIN(geom, POINT(110.27 40.67), 1000)                              | 1 2 3 10
        DWITHIN(geom, POINT(110.27 40.67), 0.5, km)                             | 1 2 10
        S_INTERSECTS(geom, POLYGON((110.255 40.675, 110.265 40.675, 110.265 40.685, 110.255 40.685, 110.255 40.675))) | 6
        INTERSECTS(geom, BBOX(110.26, 40.665, 110.279, 40.679))                 | 1 2 3 10
        BBOX(geom, 110.26, 40.665, 110.279, 40.679)                             | 1 2 3 10
        S_WITHIN(geom, BBOX(110.25, 40.65, 110.29, 40.69))                      | 1 2 3 6 7 10
        S_CONTAINS(geom, POINT(110.261 40.681))                                 | 6
        S_DISJOINT(geom, BBOX(110.25, 40.65, 110.29, 40.69))                    | 5 9
        T_AFTER(updated_at, TIMESTAMP('2024-03-01T00:00:00Z'))                  | 5 9 10
        T_BEFORE(updated_at, DATE('2024-01-01'))                                | 4
        T_DURING(updated_at, INTERVAL('2024-01-01T00:00:00Z', '2024-02-01T00:00:00Z')) | 1 6 8
        T_DURING(updated_at, INTERVAL('2024-05-01', '..'))                      | 5 9 10
        T_INTERSECTS(updated_at, DATE('2024-01-10'))                            | 1
        updated_at >= TIMESTAMP('2024-06-01T00:00:00Z')                         | 5 9
        updated_at = DATE('2024-01-05')                                         | 8
        updated_at AFTER 2024-06-01T00:00:00Z                                   | 9
        S_INTERSECTS(geom, POINT(0 0)) OR name = 'nothing like it' AND id = 1 |
        """)
    void filtersSelectTheExpectedSites(String filter, String expected) throws SQLException {
        assertThat(text(filter)).containsExactlyElementsOf(ids(expected == null ? "" : expected));
    }

    @Test
    void cql2JsonDistanceFilterFindsTheSameSites() throws SQLException {
        String json = "{\"op\":\"s_dwithin\",\"args\":[{\"property\":\"geom\"},"
                + "{\"type\":\"Point\",\"coordinates\":[110.27,40.67]},500,\"meters\"]}";
        assertThat(idsMatching(Cql2SqlTranslator.translate(Cql2Json.parse(json), SiteQueryables.SITE, dialect(),
                GeometryNormaliser.CRS84))).containsExactly(1, 2, 10);
    }

    @Test
    void latLonFilterGeometryInEpsg4326FindsTheSameSites() throws SQLException {
        SqlFilter f = Cql2SqlTranslator.translate(Cql2Text.parse("S_DWITHIN(geom, POINT(40.67 110.27), 500, meters)"),
                SiteQueryables.SITE, dialect(), 4326);
        assertThat(idsMatching(f)).containsExactly(1, 2, 10);
    }

    @Test
    void nameEqualsInjectionTextFindsTheSiteCalledThatAndDropsNothing() throws SQLException {
        assertThat(text("name = 'x''); DROP TABLE site;--'")).containsExactly(8);
        assertThat(text("name LIKE '%DROP TABLE site%'")).containsExactly(8);
        assertThat(text("id > 0")).hasSize(10);
    }
}
