package org.wufei.gis.ogc.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Geometry;
import org.wufei.gis.ogc.filter.Cql2Expression.*;

class Cql2TextTest {

    private static Property p(String name) {
        return new Property(name);
    }

    private static StringLiteral s(String value) {
        return new StringLiteral(value);
    }

    private static NumberLiteral n(String value) {
        return new NumberLiteral(new BigDecimal(value));
    }

    @Test
    void comparisonsOfEveryKind() {
        assertThat(Cql2Text.parse("city='Toronto'")).isEqualTo(new Comparison(ComparisonOp.EQ, p("city"), s("Toronto")));
        assertThat(Cql2Text.parse("a <> 1")).isEqualTo(new Comparison(ComparisonOp.NE, p("a"), n("1")));
        assertThat(Cql2Text.parse("a != 1")).isEqualTo(new Comparison(ComparisonOp.NE, p("a"), n("1")));
        assertThat(Cql2Text.parse("a<1")).isEqualTo(new Comparison(ComparisonOp.LT, p("a"), n("1")));
        assertThat(Cql2Text.parse("a<=-1.5")).isEqualTo(new Comparison(ComparisonOp.LE, p("a"), n("-1.5")));
        assertThat(Cql2Text.parse("a > 1e3")).isEqualTo(new Comparison(ComparisonOp.GT, p("a"), n("1e3")));
        assertThat(Cql2Text.parse("a >= 2")).isEqualTo(new Comparison(ComparisonOp.GE, p("a"), n("2")));
        assertThat(Cql2Text.parse("flag = TRUE")).isEqualTo(new Comparison(ComparisonOp.EQ, p("flag"), new BooleanLiteral(true)));
        assertThat(Cql2Text.parse("flag = false")).isEqualTo(new Comparison(ComparisonOp.EQ, p("flag"), new BooleanLiteral(false)));
    }

    @Test
    void stringsEscapeQuotesByDoublingThem() {
        assertThat(Cql2Text.parse("name = 'O''Brien'")).isEqualTo(new Comparison(ComparisonOp.EQ, p("name"), s("O'Brien")));
        assertThat(Cql2Text.parse("name = ''")).isEqualTo(new Comparison(ComparisonOp.EQ, p("name"), s("")));
    }

    @Test
    void logicalOperatorsBindAsInSql() {
        Predicate a = new Comparison(ComparisonOp.EQ, p("a"), n("1"));
        Predicate b = new Comparison(ComparisonOp.EQ, p("b"), n("2"));
        Predicate c = new Comparison(ComparisonOp.EQ, p("c"), n("3"));
        assertThat(Cql2Text.parse("a=1 OR b=2 AND c=3")).isEqualTo(new Or(List.of(a, new And(List.of(b, c)))));
        assertThat(Cql2Text.parse("(a=1 OR b=2) and c=3")).isEqualTo(new And(List.of(new Or(List.of(a, b)), c)));
        assertThat(Cql2Text.parse("NOT a=1 AND b=2")).isEqualTo(new And(List.of(new Not(a), b)));
        assertThat(Cql2Text.parse("not (a=1 or b=2)")).isEqualTo(new Not(new Or(List.of(a, b))));
    }

    @Test
    void likeInBetweenAndNull() {
        assertThat(Cql2Text.parse("name LIKE 'Smith%'")).isEqualTo(new Like(p("name"), s("Smith%")));
        assertThat(Cql2Text.parse("name NOT LIKE 'foo%'")).isEqualTo(new Not(new Like(p("name"), s("foo%"))));
        assertThat(Cql2Text.parse("depth BETWEEN 100.0 and 150.0"))
                .isEqualTo(new Between(p("depth"), n("100.0"), n("150.0")));
        assertThat(Cql2Text.parse("depth NOT BETWEEN 1 AND 2")).isEqualTo(new Not(new Between(p("depth"), n("1"), n("2"))));
        assertThat(Cql2Text.parse("cityName IN ('Toronto','Frankfurt','Tokyo','New York')")).isEqualTo(
                new In(p("cityName"), List.of(s("Toronto"), s("Frankfurt"), s("Tokyo"), s("New York"))));
        assertThat(Cql2Text.parse("category NOT IN (1,2,3,4)"))
                .isEqualTo(new Not(new In(p("category"), List.of(n("1"), n("2"), n("3"), n("4")))));
        assertThat(Cql2Text.parse("geometry IS NOT NULL")).isEqualTo(new Not(new IsNull(p("geometry"))));
        assertThat(Cql2Text.parse("value is null")).isEqualTo(new IsNull(p("value")));
    }

    @Test
    void likeWithAnotherEscapeCharacterBecomesBackslashEscaped() {
        assertThat(Cql2Text.parse("name LIKE '50!%' ESCAPE '!'")).isEqualTo(new Like(p("name"), s("50\\%")));
    }

    @Test
    void spatialPredicatesWithWktAndBbox() throws Exception {
        Geometry point = new org.locationtech.jts.io.WKTReader().read("POINT(36.319836 32.288087)");
        assertThat(Cql2Text.parse("S_INTERSECTS(geometry,POINT(36.319836 32.288087))"))
                .isEqualTo(new Spatial(SpatialOp.INTERSECTS, p("geometry"), new GeometryLiteral(point)));
        Spatial within = (Spatial) Cql2Text.parse("S_WITHIN(location, BBOX(-118,33.8,-117.9,34))");
        assertThat(within.op()).isEqualTo(SpatialOp.WITHIN);
        assertThat(((GeometryLiteral) within.right()).geometry().getEnvelopeInternal().getMinX()).isEqualTo(-118);
        assertThat(Cql2Text.parse("s_contains(geom, MULTIPOINT((1 2), (3 4)))")).isInstanceOf(Spatial.class);
        assertThat(Cql2Text.parse("S_DISJOINT(geom, LINESTRING(1 2, 3 4))")).isInstanceOf(Spatial.class);
        assertThat(Cql2Text.parse("S_CROSSES(road,POLYGON((43.7286 -79.2986, 43.7311 -79.2996, 43.7323 -79.2972,"
                + "43.7326 -79.2971, 43.7350 -79.2981, 43.7286 -79.2986)))")).isInstanceOf(Spatial.class);
        assertThat(Cql2Text.parse("S_INTERSECTS(geom, MULTIPOLYGON(((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5))))"))
                .isInstanceOf(Spatial.class);
        Spatial box6 = (Spatial) Cql2Text.parse("S_INTERSECTS(geometry, BBOX(-128.098193, -1.1, -99999.0, 180.0, 90.0, 100000.0))");
        assertThat(((GeometryLiteral) box6.right()).geometry().getEnvelopeInternal().getMaxX()).isEqualTo(180.0);
    }

    @Test
    void distanceIsInMetresWithOrWithoutUnit() {
        assertThat(((DWithin) Cql2Text.parse("S_DWITHIN(geom, POINT(110.27 40.67), 500, meters)")).metres()).isEqualTo(500);
        assertThat(((DWithin) Cql2Text.parse("S_DWITHIN(geom, POINT(110.27 40.67), 500, 'metres')")).metres()).isEqualTo(500);
        assertThat(((DWithin) Cql2Text.parse("DWITHIN(geom, POINT(110.27 40.67), 500, m)")).metres()).isEqualTo(500);
        assertThat(((DWithin) Cql2Text.parse("S_DWITHIN(geom, POINT(110.27 40.67), 250)")).metres()).isEqualTo(250);
        assertThat(((DWithin) Cql2Text.parse("S_DWITHIN(geom, POINT(110.27 40.67), 1.5, kilometers)")).metres()).isEqualTo(1500);
        assertThatThrownBy(() -> Cql2Text.parse("S_DWITHIN(geom, POINT(1 2), 5, feet)"))
                .hasFieldOrPropertyWithValue("code", "filter_syntax");
    }

    @Test
    void temporalLiteralsAndOperators() {
        assertThat(Cql2Text.parse("updated >= date('1970-01-01')")).isEqualTo(new Comparison(ComparisonOp.GE,
                p("updated"), new DateLiteral(LocalDate.of(1970, 1, 1))));
        assertThat(Cql2Text.parse("T_AFTER(built, DATE('2012-06-05'))"))
                .isEqualTo(new Temporal(TemporalOp.AFTER, p("built"), new DateLiteral(LocalDate.of(2012, 6, 5))));
        assertThat(Cql2Text.parse("T_BEFORE(updated_at, TIMESTAMP('2024-01-01T00:00:00Z'))")).isEqualTo(new Temporal(
                TemporalOp.BEFORE, p("updated_at"), new TimestampLiteral(Instant.parse("2024-01-01T00:00:00Z"))));
        assertThat(Cql2Text.parse("T_DURING(updated, INTERVAL('2017-06-10T07:30:00Z','2017-06-11T10:30:00Z'))"))
                .isEqualTo(new Temporal(TemporalOp.DURING, p("updated"), new IntervalLiteral(
                        new TimestampLiteral(Instant.parse("2017-06-10T07:30:00Z")),
                        new TimestampLiteral(Instant.parse("2017-06-11T10:30:00Z")))));
        assertThat(Cql2Text.parse("T_DURING(updated, INTERVAL('2017-06-10','..'))")).isEqualTo(new Temporal(
                TemporalOp.DURING, p("updated"), new IntervalLiteral(new DateLiteral(LocalDate.of(2017, 6, 10)), null)));
        assertThat(Cql2Text.parse("T_INTERSECTS(event_date, INTERVAL('..', TIMESTAMP('1969-07-24T16:50:35Z')))"))
                .isInstanceOf(Temporal.class);
    }

    @Test
    void keywordsAreCaseInsensitive() {
        assertThat(Cql2Text.parse("a like 'x' and b between 1 and 2 or c is not null or d in (1)"))
                .isEqualTo(Cql2Text.parse("a LIKE 'x' AND b BETWEEN 1 AND 2 OR c IS NOT NULL OR d IN (1)"));
        assertThat(Cql2Text.parse("s_intersects(g, point(1 2))")).isEqualTo(Cql2Text.parse("S_INTERSECTS(g, POINT(1 2))"));
    }

    @Test
    void propertyNamesWithColonsAndQuotes() {
        assertThat(Cql2Text.parse("eo:cloud_cover < 10")).isEqualTo(new Comparison(ComparisonOp.LT, p("eo:cloud_cover"), n("10")));
        assertThat(Cql2Text.parse("\"site name\" = 'a'")).isEqualTo(new Comparison(ComparisonOp.EQ, p("site name"), s("a")));
        assertThat(Cql2Text.parse("\"say \"\"hi\"\"\" = 'a'")).isEqualTo(new Comparison(ComparisonOp.EQ, p("say \"hi\""), s("a")));
        assertThat(Cql2Text.parse("\"AND\" = 1")).isEqualTo(new Comparison(ComparisonOp.EQ, p("AND"), n("1")));
    }

    @Test
    void gdalCqlTextDialect() {
        // What GDAL 3.6's OAPIF driver writes for an OGR attribute filter and spatial filter.
        assertThat(Cql2Text.parse("(status = 'confirmed')")).isEqualTo(new Comparison(ComparisonOp.EQ, p("status"), s("confirmed")));
        assertThat(Cql2Text.parse("((\"status\" = 'confirmed') AND (\"area_m2\" > 100))")).isInstanceOf(And.class);
        assertThat(Cql2Text.parse("(name LIKE 'x%')")).isEqualTo(new Like(p("name"), s("x%")));
        assertThat(Cql2Text.parse("INTERSECTS(geom, POLYGON((110 40, 111 40, 111 41, 110 41, 110 40)))"))
                .isInstanceOf(Spatial.class);
        assertThat(Cql2Text.parse("BBOX(geom, 110, 40, 111, 41)")).isInstanceOf(Spatial.class);
        assertThat(Cql2Text.parse("updated_at AFTER 2024-01-01T00:00:00Z")).isEqualTo(new Temporal(TemporalOp.AFTER,
                p("updated_at"), new TimestampLiteral(Instant.parse("2024-01-01T00:00:00Z"))));
        assertThat(Cql2Text.parse("updated_at DURING 2024-01-01T00:00:00Z/2024-02-01T00:00:00Z AND a = 1"))
                .isInstanceOf(And.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "a =", "a = 'x", "= 1", "a = 1 b = 2", "a LIKE", "(a = 1", "a = 1)",
        "S_INTERSECTS(geom, POINT(1))", "a IN ()", "a BETWEEN 1", "a IS NOT 5", "a = #", "a ! 1",
        "T_AFTER(t, TIMESTAMP('yesterday'))", "S_INTERSECTS(geom, BBOX(1,2,3))", "NOT", "a = 1 AND"})
    void malformedFiltersAreSyntaxErrors(String filter) {
        assertThatThrownBy(() -> Cql2Text.parse(filter)).isInstanceOfSatisfying(Cql2Exception.class, e -> {
            assertThat(e.code()).isEqualTo("filter_syntax");
            assertThat(e.messageEn()).isNotBlank();
            assertThat(e.messageZh()).isNotBlank();
        });
    }

    @Test
    void syntaxErrorsReportWhereTheyAre() {
        assertThatThrownBy(() -> Cql2Text.parse("status = 'a' AND AND"))
                .isInstanceOfSatisfying(Cql2Exception.class, e -> {
                    assertThat(e.position()).isEqualTo(17);
                    assertThat(e.messageEn()).contains("position (18)");
                });
    }

    @Test
    void functionsOutsideTheSupportedSetAreRefusedAsUnsupported() {
        assertThatThrownBy(() -> Cql2Text.parse("avg(windSpeed) < 4"))
                .hasFieldOrPropertyWithValue("code", "filter_unsupported");
    }

    @Test
    void deepNestingIsRefusedNotAStackOverflow() {
        String deep = "NOT ".repeat(5000) + "a = 1";
        assertThatThrownBy(() -> Cql2Text.parse(deep)).hasFieldOrPropertyWithValue("code", "filter_syntax");
        String parens = "(".repeat(5000) + "a = 1" + ")".repeat(5000);
        assertThatThrownBy(() -> Cql2Text.parse(parens)).hasFieldOrPropertyWithValue("code", "filter_syntax");
    }
}
