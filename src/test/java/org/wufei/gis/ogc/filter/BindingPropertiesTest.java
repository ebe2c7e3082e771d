package org.wufei.gis.ogc.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Whatever text a client sends, it reaches SQL only as bound parameters, never as SQL. */
class BindingPropertiesTest {

    private static final Set<String> SQL_VOCABULARY = Set.of("id", "name", "status", "area_m2", "updated_at", "geom",
            "AND", "OR", "NOT", "LIKE", "ESCAPE", "'\\'", "IN", "IS", "NULL", "BETWEEN", "?", "=", "<>", "<", "<=", ">",
            ">=", "&&", "1", "0", "4326", "4546");
    private static final Pattern SQL_WORDS = Pattern.compile("[\\s(),]+");

    private static Connection h2;

    @BeforeContainer
    static void openDatabase() throws SQLException {
        h2 = DriverManager.getConnection("jdbc:h2:mem:cql2_binding_properties;DB_CLOSE_DELAY=-1");
        try (Statement st = h2.createStatement()) {
            st.execute("CREATE TABLE site (id INTEGER PRIMARY KEY, name VARCHAR(200), status VARCHAR(30))");
            st.execute("INSERT INTO site VALUES (1, 'Heap A', 'confirmed'), (2, '50% done', 'suspected')");
        }
    }

    @AfterContainer
    static void closeDatabase() throws SQLException {
        try (Statement st = h2.createStatement()) {
            st.execute("SHUTDOWN");
        }
        h2.close();
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    private static SqlFilter translate(Cql2Expression e) {
        return Cql2SqlTranslator.translate(e, SiteQueryables.SITE, new H2gisDialect(), GeometryNormaliser.CRS84);
    }

    @Property(tries = 300)
    void anyStringLiteralIsBoundVerbatim(@ForAll String value) {
        SqlFilter f = translate(Cql2Text.parse("name = " + quote(value)));
        assertThat(f).isEqualTo(SqlFilter.of("name = ?", value));
    }

    @Property(tries = 300)
    void anyLikePatternIsOneBoundParameterAndRunsWithoutSqlError(@ForAll String pattern) throws SQLException {
        SqlFilter f = translate(Cql2Text.parse("name LIKE " + quote(pattern)));
        assertThat(f.whereSql()).isEqualTo("name LIKE ? ESCAPE '\\'");
        assertThat(f.params()).hasSize(1);
        assertThat(run(f)).isBetween(0, 2);
        assertThat(run(SqlFilter.of("1 = 1"))).isEqualTo(2);
    }

    @Property(tries = 200)
    void anyInListIsBound(@ForAll List<@net.jqwik.api.constraints.StringLength(max = 30) String> values) {
        if (values.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder("name IN (");
        for (int i = 0; i < values.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(quote(values.get(i)));
        }
        SqlFilter f = translate(Cql2Text.parse(sb.append(')').toString()));
        assertThat(f.params()).containsExactlyElementsOf(values);
    }

    @Property(tries = 500)
    void anyFilterTextIsRefusedOrTranslatesToAllowListedSqlOnly(@ForAll("filterLikeText") String filter) {
        SqlFilter f;
        try {
            f = translate(Cql2Text.parse(filter));
        } catch (Cql2Exception refused) {
            return;
        }
        for (String word : SQL_WORDS.split(f.whereSql().trim())) {
            assertThat(word.isEmpty() || SQL_VOCABULARY.contains(word) || word.startsWith("ST_"))
                    .as("SQL word %s from filter %s", word, filter).isTrue();
        }
    }

    @Property(tries = 300)
    void anyJsonPropertyNameOrValueIsRefusedOrBound(@ForAll String name, @ForAll String value) {
        String json = "{\"op\":\"=\",\"args\":[{\"property\":" + jsonString(name) + "}," + jsonString(value) + "]}";
        try {
            SqlFilter f = translate(Cql2Json.parse(json));
            assertThat(f.whereSql()).isIn("name = ?", "status = ?");
            assertThat(f.params()).containsExactly(value);
        } catch (Cql2Exception refused) {
            assertThat(refused.code()).isIn("filter_unknown_property", "filter_type_mismatch");
        }
    }

    /** Mixes filter vocabulary with hostile fragments so some inputs parse and some do not. */
    @Provide
    Arbitrary<String> filterLikeText() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.of("name", "status", "\"site name\"", "area_m2", "id", "=", "<>", "<", ">=", "AND", "OR",
                        "NOT", "LIKE", "IN", "(", ")", ",", "IS", "NULL", "BETWEEN", "'x'", "'%'", "5", "-1.5",
                        "';", "--", "/*", "*/", "DROP TABLE site", "\"", "'", ";", "\\", "TRUE"),
                Arbitraries.strings().ofMaxLength(8));
        return pieces.list().ofMaxSize(8).map(l -> String.join(" ", l));
    }

    private static String jsonString(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    private static int run(SqlFilter f) throws SQLException {
        try (PreparedStatement ps = h2.prepareStatement("SELECT COUNT(*) FROM site WHERE " + f.whereSql())) {
            for (int i = 0; i < f.params().size(); i++) {
                ps.setObject(i + 1, f.params().get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
