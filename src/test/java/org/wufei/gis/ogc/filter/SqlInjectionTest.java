package org.wufei.gis.ogc.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile filters either fail to parse or become bound literals: the SQL text only ever holds allow-listed
 * columns, operators and placeholders.
 */
class SqlInjectionTest {

    private static final String DROP = "DROP TABLE site";

    private static SqlFilter translate(Cql2Expression e) {
        return Cql2SqlTranslator.translate(e, SiteQueryables.SITE, new H2gisDialect(), GeometryNormaliser.CRS84);
    }

    @Test
    void nameEqualsQuoteParenDropTableSiteCommentIsASyntaxError() {
        String fixture = "name='x'); DROP TABLE site;--";
        assertThatThrownBy(() -> Cql2Text.parse(fixture)).hasFieldOrPropertyWithValue("code", "filter_syntax");
    }

    @Test
    void dropTableInsideAStringLiteralIsBoundNotWritten() {
        SqlFilter f = translate(Cql2Text.parse("name='x''); DROP TABLE site;--'"));
        assertThat(f.whereSql()).isEqualTo("name = ?").doesNotContain(DROP);
        assertThat(f.params()).containsExactly("x'); DROP TABLE site;--");
    }

    @Test
    void dropTableInALikePatternIsBound() {
        SqlFilter f = translate(Cql2Text.parse("name LIKE '%''); DROP TABLE site;--%'"));
        assertThat(f.whereSql()).doesNotContain(DROP);
        assertThat(f.params()).containsExactly("%'); DROP TABLE site;--%");
    }

    @Test
    void dropTableInAnInListIsBound() {
        SqlFilter f = translate(Cql2Text.parse("name IN ('a', 'x''); DROP TABLE site;--')"));
        assertThat(f.whereSql()).isEqualTo("name IN (?, ?)");
        assertThat(f.params()).contains("x'); DROP TABLE site;--");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"name = 'x'); DROP TABLE site;--\" = 'a'", "\"name\"\"; DROP TABLE site;--\" = 'a'",
        "\"x\") OR 1=1; DROP TABLE site;--\" IS NULL"})
    void dropTableInAQuotedPropertyNameIsAnUnknownPropertyOrASyntaxError(String filter) {
        assertThatThrownBy(() -> translate(Cql2Text.parse(filter))).isInstanceOfSatisfying(Cql2Exception.class,
                e -> assertThat(e.code()).isIn("filter_unknown_property", "filter_syntax"));
    }

    @Test
    void dropTableAfterAnUnquotedPropertyNameIsASyntaxError() {
        assertThatThrownBy(() -> Cql2Text.parse("name; DROP TABLE site;-- = 'a'"))
                .hasFieldOrPropertyWithValue("code", "filter_syntax");
    }

    @Test
    void dropTableInACql2JsonPropertyNameIsAnUnknownProperty() {
        String json = "{\"op\":\"=\",\"args\":[{\"property\":\"name='x'); DROP TABLE site;--\"},\"a\"]}";
        assertThatThrownBy(() -> translate(Cql2Json.parse(json)))
                .hasFieldOrPropertyWithValue("code", "filter_unknown_property");
    }

    @Test
    void dropTableInACql2JsonValueIsBound() {
        String json = "{\"op\":\"=\",\"args\":[{\"property\":\"name\"},\"x'); DROP TABLE site;--\"]}";
        SqlFilter f = translate(Cql2Json.parse(json));
        assertThat(f).isEqualTo(SqlFilter.of("name = ?", "x'); DROP TABLE site;--"));
    }

    @Test
    void dropTableInSortbyAndPropertiesIsAnUnknownProperty() {
        assertThatThrownBy(() -> SortBy.parse("name; DROP TABLE site;--", SiteQueryables.SITE))
                .hasFieldOrPropertyWithValue("code", "unknown_property");
        assertThatThrownBy(() -> PropertySelection.parse("name,x'); DROP TABLE site;--", SiteQueryables.SITE))
                .hasFieldOrPropertyWithValue("code", "unknown_property");
    }

    @Test
    void aQueryableCannotBeConfiguredWithSqlAsItsColumn() {
        assertThatThrownBy(() -> new Queryable("name", "name; DROP TABLE site", Queryable.Type.STRING))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
