package org.wufei.gis.ogc.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wufei.gis.ogc.filter.Queryable.Type;

class Cql2SqlTranslatorTest {

    private static final SpatialDialect POSTGIS = new PostgisDialect();
    private static final SpatialDialect H2GIS = new H2gisDialect();

    private static SqlFilter pg(String text) {
        return Cql2SqlTranslator.translate(Cql2Text.parse(text), SiteQueryables.SITE, POSTGIS, GeometryNormaliser.CRS84);
    }

    private static SqlFilter h2(String text) {
        return Cql2SqlTranslator.translate(Cql2Text.parse(text), SiteQueryables.SITE, H2GIS, GeometryNormaliser.CRS84);
    }

    @Test
    void comparisonsBindTypedValues() {
        assertThat(pg("status = 'confirmed'")).isEqualTo(SqlFilter.of("status = ?", "confirmed"));
        assertThat(pg("area_m2 > 100")).isEqualTo(SqlFilter.of("area_m2 > ?", 100.0));
        assertThat(pg("id <= 7")).isEqualTo(SqlFilter.of("id <= ?", 7L));
        assertThat(pg("100 < area_m2")).isEqualTo(SqlFilter.of("area_m2 > ?", 100.0));
        assertThat(pg("\"site name\" = 'x'")).isEqualTo(SqlFilter.of("name = ?", "x"));
    }

    @Test
    void logicIsParenthesisedSoPrecedenceSurvives() {
        assertThat(pg("NOT (status = 'confirmed' OR area_m2 < 5) AND id = 1")).isEqualTo(
                SqlFilter.of("(NOT ((status = ? OR area_m2 < ?)) AND id = ?)", "confirmed", 5.0, 1L));
    }

    @Test
    void likeInBetweenNull() {
        assertThat(pg("name LIKE 'Heap%'")).isEqualTo(SqlFilter.of("name LIKE ? ESCAPE '\\'", "Heap%"));
        assertThat(pg("status IN ('confirmed', 'suspected')"))
                .isEqualTo(SqlFilter.of("status IN (?, ?)", "confirmed", "suspected"));
        assertThat(pg("area_m2 BETWEEN 1 AND 2")).isEqualTo(SqlFilter.of("area_m2 BETWEEN ? AND ?", 1.0, 2.0));
        assertThat(pg("area_m2 IS NOT NULL")).isEqualTo(SqlFilter.of("NOT (area_m2 IS NULL)"));
    }

    @Test
    void timestampsBindAsUtcOffsetDateTimesAndDaysCoverTheWholeDay() {
        assertThat(pg("updated_at >= TIMESTAMP('2024-01-01T08:00:00+08:00')"))
                .isEqualTo(SqlFilter.of("updated_at >= ?", OffsetDateTime.parse("2024-01-01T00:00:00Z")));
        assertThat(pg("updated_at = DATE('2024-01-10')")).isEqualTo(SqlFilter.of("(updated_at >= ? AND updated_at < ?)",
                OffsetDateTime.parse("2024-01-10T00:00:00Z"), OffsetDateTime.parse("2024-01-11T00:00:00Z")));
        assertThat(pg("updated_at > '2024-01-01'"))
                .isEqualTo(SqlFilter.of("updated_at >= ?", OffsetDateTime.parse("2024-01-02T00:00:00Z")));
        assertThat(pg("T_AFTER(updated_at, TIMESTAMP('2024-03-01T00:00:00Z'))"))
                .isEqualTo(SqlFilter.of("updated_at > ?", OffsetDateTime.parse("2024-03-01T00:00:00Z")));
        assertThat(pg("T_BEFORE(updated_at, DATE('2024-01-01'))"))
                .isEqualTo(SqlFilter.of("updated_at < ?", OffsetDateTime.parse("2024-01-01T00:00:00Z")));
        assertThat(pg("T_DURING(updated_at, INTERVAL('2024-01-01T00:00:00Z', '..'))"))
                .isEqualTo(SqlFilter.of("(updated_at >= ?)", OffsetDateTime.parse("2024-01-01T00:00:00Z")));
        assertThat(pg("T_DURING(updated_at, INTERVAL('2024-01-01', '2024-01-31'))")).isEqualTo(SqlFilter.of(
                "(updated_at >= ? AND updated_at < ?)", OffsetDateTime.parse("2024-01-01T00:00:00Z"),
                OffsetDateTime.parse("2024-02-01T00:00:00Z")));
        assertThat(pg("T_AFTER(updated_at, INTERVAL('2024-01-01', '..'))")).isEqualTo(SqlFilter.of("1 = 0"));
    }

    @Test
    void dateColumnsBindLocalDates() {
        Queryables q = Queryables.of(new Queryable("built", "built_on", Type.DATE));
        SqlFilter f = Cql2SqlTranslator.translate(Cql2Text.parse("T_AFTER(built, DATE('2012-06-05'))"), q, POSTGIS,
                GeometryNormaliser.CRS84);
        assertThat(f).isEqualTo(SqlFilter.of("built_on >= ?", LocalDate.of(2012, 6, 6)));
    }

    @Test
    void postgisSpatialPredicatesBindWkt() {
        assertThat(pg("S_INTERSECTS(geom, POINT(110.27 40.67))"))
                .isEqualTo(SqlFilter.of("ST_Intersects(geom, ST_GeomFromText(?, 4326))", "POINT (110.27 40.67)"));
        assertThat(pg("S_WITHIN(POINT(110.27 40.67), geom)"))
                .isEqualTo(SqlFilter.of("ST_Contains(geom, ST_GeomFromText(?, 4326))", "POINT (110.27 40.67)"));
        assertThat(pg("S_DWITHIN(geom, POINT(110.27 40.67), 500, meters)")).isEqualTo(SqlFilter.of(
                "ST_DWithin(geom::geography, ST_GeomFromText(?, 4326)::geography, ?)", "POINT (110.27 40.67)", 500.0));
    }

    @Test
    void h2gisPrefiltersWithTheBoundingBoxOperatorSoTheIndexIsUsed() {
        SqlFilter f = h2("S_INTERSECTS(geom, POINT(110.27 40.67))");
        assertThat(f.whereSql()).isEqualTo("(geom && ST_GeomFromText(?, 4326) AND ST_Intersects(geom, ST_GeomFromText(?, 4326)))");
        assertThat(f.params()).containsExactly("POINT (110.27 40.67)", "POINT (110.27 40.67)");
        assertThat(h2("S_DISJOINT(geom, POINT(1 2))").whereSql()).doesNotContain("&&");

        SqlFilter d = h2("S_DWITHIN(geom, POINT(110.27 40.67), 500, meters)");
        assertThat(d.whereSql()).isEqualTo("(geom && ST_GeomFromText(?, 4326) AND ST_DWithin(ST_Transform(geom, 4546), "
                + "ST_Transform(ST_GeomFromText(?, 4326), 4546), ?))");
        assertThat(d.params()).hasSize(3).element(2).isEqualTo(500.0);
        assertThat(d.params().get(1)).isEqualTo("POINT (110.27 40.67)");
        assertThat((String) d.params().get(0)).startsWith("POLYGON");
    }

    @Test
    void h2gisMetricCrsIsConfigurable() {
        SqlFilter d = Cql2SqlTranslator.translate(Cql2Text.parse("S_DWITHIN(geom, POINT(110 40), 5)"),
                SiteQueryables.SITE, new H2gisDialect(4545), GeometryNormaliser.CRS84);
        assertThat(d.whereSql()).contains("ST_Transform(geom, 4545)");
    }

    @Test
    void expandedEnvelopeIsNeverSmallerThanTheDistance() {
        var env = H2gisDialect.expandedEnvelope(Literals.GEOMETRY_FACTORY.createPoint(
                new org.locationtech.jts.geom.Coordinate(110.27, 40.67)), 500).getEnvelopeInternal();
        // 500 m is about 0.0045 deg of latitude and 0.0059 deg of longitude at 40.67N.
        assertThat(env.getMaxY() - 40.67).isGreaterThan(0.0045);
        assertThat(env.getMaxX() - 110.27).isGreaterThan(0.0059);
    }

    @Test
    void epsg4326FilterGeometriesAreLatLonAndGetSwapped() {
        SqlFilter f = Cql2SqlTranslator.translate(Cql2Text.parse("S_INTERSECTS(geom, POINT(40.67 110.27))"),
                SiteQueryables.SITE, POSTGIS, 4326);
        assertThat(f.params()).containsExactly("POINT (110.27 40.67)");
    }

    @Test
    void aCallerSuppliedNormaliserTransformsFilterGeometries() {
        GeometryNormaliser shift = (g, crs) -> {
            assertThat(crs).isEqualTo(4546);
            return Literals.GEOMETRY_FACTORY.createPoint(new org.locationtech.jts.geom.Coordinate(1, 2));
        };
        SqlFilter f = Cql2SqlTranslator.translate(Cql2Text.parse("S_INTERSECTS(geom, POINT(500000 4500000))"),
                SiteQueryables.SITE, POSTGIS, 4546, shift);
        assertThat(f.params()).containsExactly("POINT (1 2)");
    }

    @Test
    void otherFilterCrsWithoutNormaliserIsRefused() {
        assertThatThrownBy(() -> Cql2SqlTranslator.translate(Cql2Text.parse("S_INTERSECTS(geom, POINT(1 2))"),
                SiteQueryables.SITE, POSTGIS, 3857)).hasFieldOrPropertyWithValue("code", "filter_crs_unsupported");
    }

    @ParameterizedTest
    @ValueSource(strings = {"nosuch = 1", "\"site  name\" = 'x'", "NAME = 'x'", "S_INTERSECTS(shape, POINT(1 2))",
        "T_AFTER(created, DATE('2020-01-01'))", "status = nosuch", "nosuch IS NULL"})
    void unknownPropertiesAreNamed(String filter) {
        assertThatThrownBy(() -> pg(filter)).isInstanceOfSatisfying(Cql2Exception.class, e -> {
            assertThat(e.code()).isEqualTo("filter_unknown_property");
            assertThat(e.messageEn()).containsAnyOf("nosuch", "site  name", "NAME", "shape", "created");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"area_m2 = 'abc'", "status > 5", "status = 'burning'", "status IN ('confirmed', 'x')",
        "id = TRUE", "name LIKE 5", "area_m2 LIKE '1%'", "updated_at > 'last week'", "S_INTERSECTS(name, POINT(1 2))",
        "S_INTERSECTS(geom, 'POINT(1 2)')", "geom = 'x'", "T_AFTER(name, DATE('2020-01-01'))", "status = area_m2",
        "T_AFTER(updated_at, 5)"})
    void typeMismatchesAreRefused(String filter) {
        assertThatThrownBy(() -> pg(filter)).isInstanceOfSatisfying(Cql2Exception.class,
                e -> assertThat(e.code()).isEqualTo("filter_type_mismatch"));
    }

    @Test
    void cql2JsonTranslatesLikeText() {
        SqlFilter f = Cql2SqlTranslator.translate(Cql2Json.parse(
                "{\"op\":\"and\",\"args\":[{\"op\":\"=\",\"args\":[{\"property\":\"status\"},\"confirmed\"]},"
                + "{\"op\":\">\",\"args\":[{\"property\":\"area_m2\"},1000]}]}"), SiteQueryables.SITE, POSTGIS,
                GeometryNormaliser.CRS84);
        assertThat(f).isEqualTo(new SqlFilter("(status = ? AND area_m2 > ?)", List.of("confirmed", 1000.0)));
    }
}
