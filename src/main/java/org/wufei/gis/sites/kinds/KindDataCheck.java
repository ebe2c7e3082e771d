package org.wufei.gis.sites.kinds;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.wufei.gis.common.DatabaseKind;
import org.wufei.gis.sites.AttributeDef;
import org.wufei.gis.sites.KindRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * At start, after the migrations: the stored sites must still fit the definitions. A kind without a definition, an
 * attribute that data uses but the definition no longer has, or one whose stored values no longer have the defined
 * type refuses the start, naming the sites affected (adding kinds, optional attributes or codes is always fine).
 */
@Component
class KindDataCheck {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int EXAMPLES = 10;

    /** Runs once the schema is migrated (Spring Boot starts JdbcTemplate users after Flyway). */
    KindDataCheck(JdbcTemplate jdbc, DatabaseKind database, KindRegistry kinds) {
        check(jdbc, database, kinds);
    }

    /** One mismatch: sites of {@code kind} whose attribute {@code key} holds {@code jsonType} values. */
    record Use(String kind, String key, String jsonType, long count, TreeSet<String> codes) {
    }

    static void check(JdbcTemplate jdbc, DatabaseKind database, KindRegistry kinds) {
        List<String> problems = new ArrayList<>();
        for (Use u : uses(jdbc, database)) {
            var kind = kinds.byId(u.kind());
            if (kind.isEmpty()) {
                problems.add("kind '" + u.kind() + "' has no definition but " + u.count() + " site(s) have it: "
                        + u.codes());
                continue;
            }
            if (u.key() == null) {
                continue;
            }
            var def = kind.get().attribute(u.key());
            if (def.isEmpty()) {
                problems.add(kind.get().source() + ": attribute '" + u.key() + "' of kind '" + u.kind()
                        + "' is no longer defined but " + u.count() + " site(s) use it: " + u.codes());
            } else if (!fits(def.get().type(), u.jsonType())) {
                problems.add(kind.get().source() + ": attribute '" + u.key() + "' of kind '" + u.kind() + "' is "
                        + def.get().type().name().toLowerCase() + " but " + u.count() + " site(s) hold "
                        + u.jsonType() + " values: " + u.codes());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The kind definitions no longer fit the stored sites (restore the "
                    + "definition or migrate the data first):\n  " + String.join("\n  ", problems));
        }
    }

    private static boolean fits(AttributeDef.Type type, String jsonType) {
        if (jsonType.equals("null")) {
            return true;
        }
        return switch (type) {
            case STRING, STRING_LIST -> jsonType.equals("string");
            case NUMBER, INTEGER -> jsonType.equals("number");
            case BOOLEAN -> jsonType.equals("boolean");
        };
    }

    /** Per kind, attribute and JSON value type: how many sites, and the first codes (key null: the kind alone). */
    private static List<Use> uses(JdbcTemplate jdbc, DatabaseKind database) {
        if (database == DatabaseKind.POSTGIS) {
            List<Use> out = new ArrayList<>(jdbc.query("""
                    SELECT s.kind, e.key, jsonb_typeof(e.value) AS t, COUNT(*) AS n,
                           (array_agg(s.code ORDER BY s.code))[1:10] AS codes
                    FROM site s, jsonb_each(s.attributes) e GROUP BY s.kind, e.key, jsonb_typeof(e.value)""",
                    (rs, i) -> new Use(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                            new TreeSet<>(List.of((String[]) rs.getArray(5).getArray())))));
            out.addAll(jdbc.query("SELECT kind, COUNT(*), (array_agg(code ORDER BY code))[1:10] FROM site "
                    + "GROUP BY kind", (rs, i) -> new Use(rs.getString(1), null, null, rs.getLong(2),
                            new TreeSet<>(List.of((String[]) rs.getArray(3).getArray())))));
            return out;
        }
        Map<String, Use> byKey = new TreeMap<>();
        jdbc.query("SELECT kind, code, CAST(attributes AS VARCHAR) FROM site", rs -> {
            String kind = rs.getString(1);
            String code = rs.getString(2);
            add(byKey, kind, null, null, code);
            JsonNode attributes = JSON.readTree(rs.getString(3));
            for (var e : attributes.properties()) {
                add(byKey, kind, e.getKey(), e.getValue().getNodeType().name().toLowerCase(), code);
            }
        });
        return List.copyOf(byKey.values());
    }

    private static void add(Map<String, Use> byKey, String kind, String key, String type, String code) {
        Use u = byKey.compute(kind + "\u0000" + key + "\u0000" + type, (k, old) -> old == null
                ? new Use(kind, key, type, 1, new TreeSet<>()) : new Use(kind, key, type, old.count() + 1,
                        old.codes()));
        u.codes().add(code);
        if (u.codes().size() > EXAMPLES) {
            u.codes().pollLast();
        }
    }
}
