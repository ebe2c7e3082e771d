package org.wufei.gis.ogc.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.wufei.gis.ogc.filter.Cql2Expression.*;

class Cql2JsonTest {

    /** Each JSON filter must give the same tree as its cql2-text twin. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        {"op":"=","args":[{"property":"status"},"confirmed"]}                                  | status = 'confirmed'
        {"op":"<>","args":[{"property":"a"},1]}                                                 | a <> 1
        {"op":"<","args":[{"property":"a"},1.5]}                                                | a < 1.5
        {"op":">=","args":[{"property":"flag"},true]}                                           | flag >= TRUE
        {"op":"and","args":[{"op":"=","args":[{"property":"a"},1]},{"op":">","args":[{"property":"b"},2]}]} | a = 1 AND b > 2
        {"op":"or","args":[{"op":"=","args":[{"property":"a"},1]},{"op":"not","args":[{"op":"isNull","args":[{"property":"b"}]}]}]} | a = 1 OR b IS NOT NULL
        {"op":"like","args":[{"property":"name"},"Smith%"]}                                     | name LIKE 'Smith%'
        {"op":"not","args":[{"op":"like","args":[{"property":"name"},"foo%"]}]}                 | NOT (name LIKE 'foo%')
        {"op":"between","args":[{"property":"depth"},100.0,150.0]}                              | depth BETWEEN 100.0 AND 150.0
        {"op":"in","args":[{"property":"cityName"},["Toronto","Frankfurt"]]}                    | cityName IN ('Toronto', 'Frankfurt')
        {"op":"s_intersects","args":[{"property":"geometry"},{"type":"Point","coordinates":[36.319836,32.288087]}]} | S_INTERSECTS(geometry, POINT(36.319836 32.288087))
        {"op":"s_within","args":[{"property":"location"},{"bbox":[-118,33.8,-117.9,34]}]}      | S_WITHIN(location, BBOX(-118,33.8,-117.9,34))
        {"op":"s_contains","args":[{"property":"g"},{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}]} | S_CONTAINS(g, POLYGON((0 0, 1 0, 1 1, 0 0)))
        {"op":"s_disjoint","args":[{"property":"g"},{"type":"MultiLineString","coordinates":[[[0,0],[1,1]],[[2,2],[3,3]]]}]} | S_DISJOINT(g, MULTILINESTRING((0 0, 1 1), (2 2, 3 3)))
        {"op":"s_dwithin","args":[{"property":"geom"},{"type":"Point","coordinates":[110.27,40.67]},500,"meters"]} | S_DWITHIN(geom, POINT(110.27 40.67), 500, meters)
        {"op":"s_dwithin","args":[{"property":"geom"},{"type":"Point","coordinates":[110.27,40.67]},500]} | S_DWITHIN(geom, POINT(110.27 40.67), 500)
        {"op":"t_after","args":[{"property":"built"},{"date":"2012-06-05"}]}                    | T_AFTER(built, DATE('2012-06-05'))
        {"op":"t_before","args":[{"property":"t"},{"timestamp":"2024-01-01T00:00:00Z"}]}        | T_BEFORE(t, TIMESTAMP('2024-01-01T00:00:00Z'))
        {"op":"t_during","args":[{"property":"updated"},{"interval":["2017-06-10T07:30:00Z",".."]}]} | T_DURING(updated, INTERVAL('2017-06-10T07:30:00Z', '..'))
        {"op":"t_intersects","args":[{"property":"e"},{"interval":[{"date":"2020-01-01"},{"timestamp":"2021-01-01T00:00:00Z"}]}]} | T_INTERSECTS(e, INTERVAL(DATE('2020-01-01'), TIMESTAMP('2021-01-01T00:00:00Z')))
        """)
    void jsonMatchesText(String json, String text) {
        assertThat(Cql2Json.parse(json)).isEqualTo(Cql2Text.parse(text));
    }

    @Test
    void distanceUnitsAreConvertedToMetres() {
        DWithin d = (DWithin) Cql2Json.parse(
                "{\"op\":\"s_dwithin\",\"args\":[{\"property\":\"geom\"},{\"type\":\"Point\",\"coordinates\":[1,2]},2,\"km\"]}");
        assertThat(d.metres()).isEqualTo(2000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "[]", "{\"op\":\"=\"}", "{\"op\":\"=\",\"args\":[{\"property\":\"a\"}]}",
        "{\"op\":\"and\",\"args\":[{\"op\":\"=\",\"args\":[{\"property\":\"a\"},1]}]}",
        "{\"op\":\"in\",\"args\":[{\"property\":\"a\"},[]]}", "{\"op\":\"=\",\"args\":[{\"property\":5},1]}",
        "{\"op\":\"s_intersects\",\"args\":[{\"property\":\"g\"},{\"type\":\"Point\",\"coordinates\":\"x\"}]}",
        "{\"op\":\"t_after\",\"args\":[{\"property\":\"t\"},{\"timestamp\":\"soon\"}]}",
        "{\"op\":\"=\",\"args\":[{\"property\":\"a\"},[1,2]]}"})
    void malformedJsonFiltersAreSyntaxErrors(String json) {
        assertThatThrownBy(() -> Cql2Json.parse(json)).isInstanceOfSatisfying(Cql2Exception.class,
                e -> assertThat(e.code()).isEqualTo("filter_syntax"));
    }

    @Test
    void unknownOperatorsAreUnsupported() {
        assertThatThrownBy(() -> Cql2Json.parse("{\"op\":\"casei\",\"args\":[{\"property\":\"a\"}]}"))
                .hasFieldOrPropertyWithValue("code", "filter_unsupported");
        assertThatThrownBy(() -> Cql2Json.parse("{\"op\":\"=\",\"args\":[{\"op\":\"+\",\"args\":[1,2]},3]}"))
                .hasFieldOrPropertyWithValue("code", "filter_unsupported");
    }
}
