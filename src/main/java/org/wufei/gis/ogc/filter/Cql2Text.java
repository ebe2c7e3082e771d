package org.wufei.gis.ogc.filter;

import org.wufei.gis.common.Texts;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.wufei.gis.ogc.filter.Cql2Expression.*;
import org.wufei.gis.ogc.filter.Cql2TextLexer.Kind;
import org.wufei.gis.ogc.filter.Cql2TextLexer.Token;

/**
 * Recursive-descent parser for {@code filter-lang=cql2-text} and the older {@code cql-text} that GDAL sends.
 *
 * <p>The grammar is documented in docs/cql2.md; each method below is one rule of it.
 * <b>Hand-written because</b> no maintained CQL2 parser on Maven Central comes without GeoTools (docs/cql2.md); not
 * for speed. <b>Held to the standard by</b> {@code Cql2TextTest} and the *FilterExecutionIT contracts.
 */
public final class Cql2Text extends Cql2TokenCursor {

    private static final int MAX_LENGTH = 64 * 1024;
    private static final int MAX_DEPTH = 100;

    private int depth;

    private Cql2Text(String text) {
        super(new Cql2TextLexer(text));
    }

    /** Parses a whole filter; anything left over is a syntax error. */
    public static Predicate parse(String text) {
        if (text == null || text.isBlank()) {
            throw Cql2Exception.syntaxOf(0, "cql2.empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw Cql2Exception.syntaxOf(MAX_LENGTH, "cql2.too_long", MAX_LENGTH);
        }
        Cql2Text parser = new Cql2Text(text);
        Predicate p = parser.orExpr();
        if (!parser.tok.is(Kind.EOF)) {
            throw parser.unexpected("AND, OR or end of filter");
        }
        return p;
    }

    // orExpr := andExpr (OR andExpr)*
    private Predicate orExpr() {
        List<Predicate> args = new ArrayList<>(List.of(andExpr()));
        while (tok.isKeyword("OR")) {
            advance();
            args.add(andExpr());
        }
        return args.size() == 1 ? args.get(0) : new Or(args);
    }

    // andExpr := notExpr (AND notExpr)*
    private Predicate andExpr() {
        List<Predicate> args = new ArrayList<>(List.of(notExpr()));
        while (tok.isKeyword("AND")) {
            advance();
            args.add(notExpr());
        }
        return args.size() == 1 ? args.get(0) : new And(args);
    }

    // notExpr := NOT notExpr | primary
    private Predicate notExpr() {
        if (++depth > MAX_DEPTH) {
            throw Cql2Exception.syntaxOf(tok.pos(), "cql2.too_deep");
        }
        try {
            if (tok.isKeyword("NOT")) {
                advance();
                return new Not(notExpr());
            }
            return primary();
        } finally {
            depth--;
        }
    }

    // primary := '(' orExpr ')' | functionPredicate | operand predicateTail
    private Predicate primary() {
        if (tok.is(Kind.LPAREN)) {
            advance();
            Predicate p = orExpr();
            expect(Kind.RPAREN, ")");
            return p;
        }
        if (tok.is(Kind.IDENT) && nextIsParen()) {
            String name = tok.text().toUpperCase(Locale.ROOT);
            if (Cql2Ops.spatial(name) != null || Cql2Ops.isDWithin(name) || Cql2Ops.temporal(name) != null
                    || name.equals("BBOX")) {
                return functionPredicate(name);
            }
        }
        return predicateTail(operand());
    }

    // functionPredicate := NAME '(' operand ',' operand [',' number [',' unit]] ')'
    //                    | BBOX '(' operand ',' number ',' number ',' number ',' number ')'
    private Predicate functionPredicate(String name) {
        int pos = tok.pos();
        advance();
        expect(Kind.LPAREN, "(");
        Operand first = operand();
        expect(Kind.COMMA, ",");
        if (name.equals("BBOX")) {
            Operand box = new GeometryLiteral(Literals.bbox(numberList(), pos));
            expect(Kind.RPAREN, ")");
            return new Spatial(SpatialOp.INTERSECTS, first, box);
        }
        Operand second = operand();
        Predicate result;
        if (Cql2Ops.isDWithin(name)) {
            expect(Kind.COMMA, ",");
            BigDecimal distance = number();
            String unit = null;
            if (tok.is(Kind.COMMA)) {
                advance();
                if (!tok.is(Kind.IDENT) && !tok.is(Kind.STRING)) {
                    throw unexpected("a distance unit such as meters");
                }
                unit = tok.text();
                advance();
            }
            result = new DWithin(first, second, Literals.metres(distance, unit, pos));
        } else if (Cql2Ops.spatial(name) != null) {
            result = new Spatial(Cql2Ops.spatial(name), first, second);
        } else {
            result = new Temporal(Cql2Ops.temporal(name), first, second);
        }
        expect(Kind.RPAREN, ")");
        return result;
    }

    // predicateTail := compOp operand | [NOT] LIKE operand [ESCAPE string] | [NOT] BETWEEN operand AND operand
    //                | [NOT] IN '(' operand (',' operand)* ')' | IS [NOT] NULL | (AFTER|BEFORE|DURING|TEQUALS) isoTime
    private Predicate predicateTail(Operand left) {
        if (tok.is(Kind.OP)) {
            ComparisonOp op = Cql2Ops.comparison(tok.text());
            advance();
            return new Comparison(op, left, operand());
        }
        if (tok.isKeyword("IS")) {
            advance();
            boolean negated = acceptKeyword("NOT");
            expectKeyword("NULL");
            Predicate p = new IsNull(left);
            return negated ? new Not(p) : p;
        }
        boolean negated = acceptKeyword("NOT");
        Predicate p;
        if (acceptKeyword("LIKE")) {
            p = like(left);
        } else if (acceptKeyword("BETWEEN")) {
            Operand low = operand();
            expectKeyword("AND");
            p = new Between(left, low, operand());
        } else if (acceptKeyword("IN")) {
            p = new In(left, operandList());
        } else if (!negated && Cql2Ops.legacyTemporal(tok.text()) != null && tok.is(Kind.IDENT)) {
            TemporalOp op = Cql2Ops.legacyTemporal(tok.text());
            advance();
            p = new Temporal(op, left, legacyTime());
        } else {
            throw unexpected(negated ? "LIKE, BETWEEN or IN" : "a comparison operator, LIKE, BETWEEN, IN or IS");
        }
        return negated ? new Not(p) : p;
    }

    private Predicate like(Operand left) {
        Operand pattern = operand();
        if (tok.isKeyword("ESCAPE")) {
            int pos = tok.pos();
            advance();
            if (!tok.is(Kind.STRING) || tok.text().length() != 1 || !(pattern instanceof StringLiteral s)) {
                throw Cql2Exception.syntaxOf(pos, "cql2.escape");
            }
            char escape = tok.text().charAt(0);
            advance();
            pattern = new StringLiteral(LikePatterns.toBackslashEscape(s.value(), escape));
        }
        return new Like(left, pattern);
    }

    // operand := string | number | TRUE | FALSE | property | "quoted property" | temporalLiteral | geometryLiteral
    private Operand operand() {
        Token t = tok;
        switch (t.kind()) {
            case STRING -> {
                advance();
                return new StringLiteral(t.text());
            }
            case NUMBER -> {
                return new NumberLiteral(number());
            }
            case QUOTED_IDENT -> {
                advance();
                return new Property(t.text());
            }
            case IDENT -> {
                return identOperand(t);
            }
            default -> throw unexpected("a property or a literal");
        }
    }

    private Operand identOperand(Token t) {
        String upper = t.text().toUpperCase(Locale.ROOT);
        if (upper.equals("TRUE") || upper.equals("FALSE")) {
            advance();
            return new BooleanLiteral(upper.equals("TRUE"));
        }
        if (Cql2Ops.RESERVED.contains(upper)) {
            throw unexpected("a property or a literal");
        }
        if (Cql2Ops.GEOMETRY_TYPES.contains(upper)) {
            return new GeometryLiteral(wkt());
        }
        if (!nextIsParen()) {
            advance();
            return new Property(t.text());
        }
        switch (upper) {
            case "TIMESTAMP" -> {
                String s = singleStringArgument();
                return Literals.timestamp(s, t.pos());
            }
            case "DATE" -> {
                String s = singleStringArgument();
                return Literals.date(s, t.pos());
            }
            case "INTERVAL" -> {
                advance();
                expect(Kind.LPAREN, "(");
                TemporalLiteral start = intervalEnd();
                expect(Kind.COMMA, ",");
                TemporalLiteral end = intervalEnd();
                expect(Kind.RPAREN, ")");
                return new IntervalLiteral(start, end);
            }
            case "BBOX", "ENVELOPE" -> {
                advance();
                expect(Kind.LPAREN, "(");
                Operand box = new GeometryLiteral(Literals.bbox(numberList(), t.pos()));
                expect(Kind.RPAREN, ")");
                return box;
            }
            default -> throw new Cql2Exception(Cql2Exception.UNSUPPORTED, Texts.zh("cql2.function_unsupported", t.text()),
                    Texts.en("cql2.function_unsupported", t.text()), t.pos());
        }
    }

    private TemporalLiteral intervalEnd() {
        Token t = tok;
        if (t.is(Kind.STRING)) {
            advance();
            return Literals.intervalEnd(t.text(), t.pos());
        }
        Operand o = operand();
        if (o instanceof TemporalLiteral lit) {
            return lit;
        }
        throw Cql2Exception.syntaxOf(t.pos(), "cql2.interval_ends");
    }

    /** Old CQL writes {@code updated AFTER 2024-01-01T00:00:00Z} or {@code DURING start/end} without quotes. */
    private Operand legacyTime() {
        int start = tok.pos();
        String input = lexer.input();
        int end = start;
        while (end < input.length() && !Character.isWhitespace(input.charAt(end)) && input.charAt(end) != ')') {
            end++;
        }
        String raw = input.substring(start, end);
        if (raw.startsWith("'") && raw.endsWith("'") && raw.length() > 1) {
            raw = raw.substring(1, raw.length() - 1);
        }
        lexer.reset(end);
        tok = lexer.next();
        int slash = raw.indexOf('/');
        if (slash >= 0) {
            return new IntervalLiteral(Literals.intervalEnd(raw.substring(0, slash), start),
                    Literals.intervalEnd(raw.substring(slash + 1), start + slash + 1));
        }
        return Literals.temporal(raw, start);
    }

    private List<Operand> operandList() {
        expect(Kind.LPAREN, "(");
        List<Operand> list = new ArrayList<>(List.of(operand()));
        while (tok.is(Kind.COMMA)) {
            advance();
            list.add(operand());
        }
        expect(Kind.RPAREN, ")");
        return list;
    }
}
