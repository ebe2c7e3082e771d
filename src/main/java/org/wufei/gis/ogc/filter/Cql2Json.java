package org.wufei.gis.ogc.filter;

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
            throw Cql2Exception.syntax(0, "过滤条件为空", "empty filter");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JacksonException e) {
            int pos = e.getLocation() == null ? -1 : (int) e.getLocation().getCharOffset();
            throw Cql2Exception.syntax(pos, "JSON 无效", "invalid JSON: " + e.getOriginalMessage());
        }
        return parse(root);
    }

    /** Parses an already-read tree, e.g. the {@code filter} member of a POST body. */
    public static Predicate parse(JsonNode node) {
        return predicate(node, "$");
    }

    private static Predicate predicate(JsonNode node, String path) {
        if (node == null || !node.isObject() || node.get("op") == null || !node.get("op").isString()) {
            throw error(path, "应为带 op 的对象", "expected an object with \"op\"");
        }
        String op = node.get("op").stringValue().toLowerCase(Locale.ROOT);
        JsonNode args = node.get("args");
        if (args == null || !args.isArray()) {
            throw error(path, "缺少 args 数组", "missing \"args\" array");
        }
        String argsPath = path + ".args";
        switch (op) {
            case "and", "or" -> {
                if (args.size() < 2) {
                    throw error(argsPath, op + " 至少需要两个参数", op + " needs at least two arguments");
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
                    throw error(argsPath + "[1]", "in 的第二个参数应为非空数组", "the second argument of in must be a non-empty array");
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
                throw error(argsPath, "s_dwithin 需要 3 或 4 个参数", "s_dwithin needs 3 or 4 arguments");
            }
            JsonNode distance = args.get(2);
            if (!distance.isNumber()) {
                throw error(argsPath + "[2]", "距离应为数字", "distance must be a number");
            }
            String unit = args.size() == 4 && args.get(3).isString() ? args.get(3).stringValue() : null;
            if (args.size() == 4 && unit == null) {
                throw error(argsPath + "[3]", "单位应为字符串", "unit must be a string");
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
        throw new Cql2Exception(Cql2Exception.UNSUPPORTED, "不支持的运算符 " + op + "（" + path + "）",
                "unsupported operator " + op + " at " + path);
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
            throw error(path, "应为属性或字面量", "expected a property or a literal");
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
            throw new Cql2Exception(Cql2Exception.UNSUPPORTED, "不支持函数或运算表达式（" + path + "）",
                    "functions and arithmetic are not supported (at " + path + ")");
        }
        throw error(path, "无法识别的值", "unrecognised value");
    }

    private static IntervalLiteral interval(JsonNode node, String path) {
        if (!node.isArray() || node.size() != 2) {
            throw error(path, "interval 应为两个元素的数组", "interval must be an array of two");
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
        throw error(path, "interval 端点应为时间", "interval ends must be times or \"..\"");
    }

    private static Geometry geoJson(JsonNode node, String path) {
        try {
            return new GeoJsonReader(Literals.GEOMETRY_FACTORY).read(node.toString());
        } catch (ParseException | RuntimeException e) {
            throw error(path, "无效的 GeoJSON 几何：" + e.getMessage(), "invalid GeoJSON geometry: " + e.getMessage());
        }
    }

    private static List<BigDecimal> numbers(JsonNode node, String path) {
        if (!node.isArray()) {
            throw error(path, "应为数字数组", "expected an array of numbers");
        }
        List<BigDecimal> list = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isNumber()) {
                throw error(path + "[" + i + "]", "应为数字", "expected a number");
            }
            list.add(node.get(i).decimalValue());
        }
        return list;
    }

    private static String text(JsonNode node, String path) {
        if (!node.isString()) {
            throw error(path, "应为字符串", "expected a string");
        }
        return node.stringValue();
    }

    private static void arity(JsonNode args, int n, String path) {
        if (args.size() != n) {
            throw error(path, "需要 " + n + " 个参数", "expected " + n + " arguments, got " + args.size());
        }
    }

    private static Cql2Exception error(String path, String zh, String en) {
        return new Cql2Exception(Cql2Exception.SYNTAX, "过滤条件语法错误（" + path + "）：" + zh,
                "filter syntax error at " + path + ": " + en);
    }
}
