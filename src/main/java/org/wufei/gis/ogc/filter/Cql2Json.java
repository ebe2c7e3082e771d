package org.wufei.gis.ogc.filter;

import org.wufei.gis.common.Texts;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.wufei.gis.ogc.filter.Cql2Expression.*;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Parser for {@code filter-lang=cql2-json}, producing the same AST as {@link Cql2Text}. */
public final class Cql2Json {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Cql2Json() {
    }

    public static Predicate parse(String json) {
        if (json == null || json.isBlank()) {
            throw Cql2Exception.syntaxOf(0, "cql2.empty");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JacksonException e) {
            int pos = e.getLocation() == null ? -1 : (int) e.getLocation().getCharOffset();
            throw Cql2Exception.syntaxOf(pos, "cql2.json.invalid", e.getOriginalMessage());
        }
        return parse(root);
    }

    /** Parses an already-read tree, e.g. the {@code filter} member of a POST body. */
    public static Predicate parse(JsonNode node) {
        return predicate(node, "$");
    }

    private static Predicate predicate(JsonNode node, String path) {
        if (node == null || !node.isObject() || node.get("op") == null || !node.get("op").isString()) {
            throw syntaxAt(path, "cql2.json.expected_op");
        }
        String op = node.get("op").stringValue().toLowerCase(Locale.ROOT);
        JsonNode args = node.get("args");
        if (args == null || !args.isArray()) {
            throw syntaxAt(path, "cql2.json.args_missing");
        }
        String argsPath = path + ".args";
        switch (op) {
            case "and", "or" -> {
                if (args.size() < 2) {
                    throw syntaxAt(argsPath, "cql2.json.two_args", op);
                }
                List<Predicate> list = new ArrayList<>();
                for (int i = 0; i < args.size(); i++) {
                    list.add(predicate(args.get(i), argsPath + "[" + i + "]"));
                }
                return op.equals("and") ? new And(list) : new Or(list);
            }
            case "not" -> {
                arity(args, 1, argsPath);
                return new Not(predicate(args.get(0), argsPath + "[0]"));
            }
            case "like" -> {
                arity(args, 2, argsPath);
                return new Like(operand(args.get(0), argsPath + "[0]"), operand(args.get(1), argsPath + "[1]"));
            }
            case "between" -> {
                arity(args, 3, argsPath);
                return new Between(operand(args.get(0), argsPath + "[0]"), operand(args.get(1), argsPath + "[1]"),
                        operand(args.get(2), argsPath + "[2]"));
            }
            case "in" -> {
                arity(args, 2, argsPath);
                JsonNode list = args.get(1);
                if (!list.isArray() || list.isEmpty()) {
                    throw syntaxAt(argsPath + "[1]", "cql2.json.in_list");
                }
                List<Operand> values = new ArrayList<>();
                for (int i = 0; i < list.size(); i++) {
                    values.add(operand(list.get(i), argsPath + "[1][" + i + "]"));
                }
                return new In(operand(args.get(0), argsPath + "[0]"), values);
            }
            case "isnull" -> {
                arity(args, 1, argsPath);
                return new IsNull(operand(args.get(0), argsPath + "[0]"));
            }
            default -> {
                return operatorPredicate(op, args, path, argsPath);
            }
        }
    }

    private static Predicate operatorPredicate(String op, JsonNode args, String path, String argsPath) {
        ComparisonOp comparison = Cql2Ops.comparison(op);
        if (comparison != null) {
            arity(args, 2, argsPath);
            return new Comparison(comparison, operand(args.get(0), argsPath + "[0]"), operand(args.get(1), argsPath + "[1]"));
        }
        if (Cql2Ops.isDWithin(op)) {
            if (args.size() != 3 && args.size() != 4) {
                throw syntaxAt(argsPath, "cql2.json.dwithin_arity");
            }
            JsonNode distance = args.get(2);
            if (!distance.isNumber()) {
                throw syntaxAt(argsPath + "[2]", "cql2.json.distance_number");
            }
            String unit = args.size() == 4 && args.get(3).isString() ? args.get(3).stringValue() : null;
            if (args.size() == 4 && unit == null) {
                throw syntaxAt(argsPath + "[3]", "cql2.json.unit_string");
            }
            return new DWithin(operand(args.get(0), argsPath + "[0]"), operand(args.get(1), argsPath + "[1]"),
                    Literals.metres(distance.decimalValue(), unit, -1));
        }
        if (op.startsWith("s_") && Cql2Ops.spatial(op) != null) {
            arity(args, 2, argsPath);
            return new Spatial(Cql2Ops.spatial(op), operand(args.get(0), argsPath + "[0]"), operand(args.get(1), argsPath + "[1]"));
        }
        if (Cql2Ops.temporal(op) != null) {
            arity(args, 2, argsPath);
            return new Temporal(Cql2Ops.temporal(op), operand(args.get(0), argsPath + "[0]"), operand(args.get(1), argsPath + "[1]"));
        }
        throw Cql2Exception.keyed(Cql2Exception.UNSUPPORTED, "cql2.json.operator_unsupported", op, path);
    }

    private static Operand operand(JsonNode node, String path) {
        if (node.isString()) {
            return new StringLiteral(node.stringValue());
        }
        if (node.isNumber()) {
            return new NumberLiteral(node.decimalValue());
        }
        if (node.isBoolean()) {
            return new BooleanLiteral(node.booleanValue());
        }
        if (!node.isObject()) {
            throw syntaxAt(path, "cql2.json.expected_operand");
        }
        if (node.get("property") != null) {
            return new Property(text(node.get("property"), path + ".property"));
        }
        if (node.get("timestamp") != null) {
            return Literals.timestamp(text(node.get("timestamp"), path), -1);
        }
        if (node.get("date") != null) {
            return Literals.date(text(node.get("date"), path), -1);
        }
        if (node.get("interval") != null) {
            return interval(node.get("interval"), path + ".interval");
        }
        if (node.get("bbox") != null) {
            return new GeometryLiteral(Literals.bbox(numbers(node.get("bbox"), path + ".bbox"), -1));
        }
        if (node.get("type") != null) {
            return new GeometryLiteral(geoJson(node, path));
        }
        if (node.get("op") != null) {
            throw Cql2Exception.keyed(Cql2Exception.UNSUPPORTED, "cql2.json.function_unsupported", path);
        }
        throw syntaxAt(path, "cql2.json.unrecognised");
    }

    private static IntervalLiteral interval(JsonNode node, String path) {
        if (!node.isArray() || node.size() != 2) {
            throw syntaxAt(path, "cql2.json.interval_pair");
        }
        return new IntervalLiteral(intervalEnd(node.get(0), path + "[0]"), intervalEnd(node.get(1), path + "[1]"));
    }

    private static TemporalLiteral intervalEnd(JsonNode node, String path) {
        if (node.isString()) {
            return Literals.intervalEnd(node.stringValue(), -1);
        }
        if (node.isObject() && (node.get("timestamp") != null || node.get("date") != null)) {
            return (TemporalLiteral) operand(node, path);
        }
        throw syntaxAt(path, "cql2.json.interval_ends");
    }

    private static Geometry geoJson(JsonNode node, String path) {
        try {
            return new GeoJsonReader(Literals.GEOMETRY_FACTORY).read(node.toString());
        } catch (ParseException | RuntimeException e) {
            throw syntaxAt(path, "cql2.json.geometry", e.getMessage());
        }
    }

    private static List<BigDecimal> numbers(JsonNode node, String path) {
        if (!node.isArray()) {
            throw syntaxAt(path, "cql2.json.numbers");
        }
        List<BigDecimal> list = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isNumber()) {
                throw syntaxAt(path + "[" + i + "]", "cql2.json.number");
            }
            list.add(node.get(i).decimalValue());
        }
        return list;
    }

    private static String text(JsonNode node, String path) {
        if (!node.isString()) {
            throw syntaxAt(path, "cql2.json.string");
        }
        return node.stringValue();
    }

    private static void arity(JsonNode args, int n, String path) {
        if (args.size() != n) {
            throw syntaxAt(path, "cql2.json.arity", n, args.size());
        }
    }

    private static Cql2Exception syntaxAt(String path, String key, Object... args) {
        return new Cql2Exception(Cql2Exception.SYNTAX, Texts.zh("cql2.json.syntax", path, Texts.zh(key, args)),
                Texts.en("cql2.json.syntax", path, Texts.en(key, args)));
    }
}
