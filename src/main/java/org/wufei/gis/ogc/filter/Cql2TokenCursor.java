package org.wufei.gis.ogc.filter;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.wufei.gis.ogc.filter.Cql2TextLexer.Kind;
import org.wufei.gis.ogc.filter.Cql2TextLexer.Token;

/** The CQL2 text parser's position in the token stream: the current token and the moves every rule makes. */
abstract class Cql2TokenCursor {
    final Cql2TextLexer lexer;
    Token tok;

    Cql2TokenCursor(Cql2TextLexer lexer) {
        this.lexer = lexer;
        this.tok = lexer.next();
    }

    final List<BigDecimal> numberList() {
        List<BigDecimal> list = new ArrayList<>(List.of(number()));
        while (tok.is(Kind.COMMA)) {
            advance();
            list.add(number());
        }
        return list;
    }

    final BigDecimal number() {
        if (!tok.is(Kind.NUMBER)) {
            throw unexpected("a number");
        }
        try {
            BigDecimal n = new BigDecimal(tok.text());
            advance();
            return n;
        } catch (NumberFormatException e) {
            throw Cql2Exception.syntaxOf(tok.pos(), "cql2.number_invalid", tok.text());
        }
    }

    final boolean nextIsParen() {
        int i = lexer.skipSpaces(tok.pos() + tok.text().length());
        return i < lexer.input().length() && lexer.input().charAt(i) == '(';
    }

    final void advance() {
        tok = lexer.next();
    }

    final boolean acceptKeyword(String keyword) {
        if (tok.isKeyword(keyword)) {
            advance();
            return true;
        }
        return false;
    }

    final void expectKeyword(String keyword) {
        if (!acceptKeyword(keyword)) {
            throw unexpected(keyword);
        }
    }

    final void expect(Kind kind, String what) {
        if (!tok.is(kind)) {
            throw unexpected("'" + what + "'");
        }
        advance();
    }

    final Cql2Exception unexpected(String expected) {
        if (tok.is(Kind.EOF)) {
            return Cql2Exception.syntaxOf(tok.pos(), "cql2.expected_at_end", expected);
        }
        return Cql2Exception.syntaxOf(tok.pos(), "cql2.expected", expected, tok.text());
    }

    /** Hands a WKT literal, delimited by the lexer, to JTS. */
    final org.locationtech.jts.geom.Geometry wkt() {
        int start = tok.pos();
        int end = lexer.endOfWkt(start + tok.text().length());
        try {
            org.locationtech.jts.geom.Geometry g = new WKTReader(Literals.GEOMETRY_FACTORY)
                    .read(lexer.input().substring(start, end));
            lexer.reset(end);
            tok = lexer.next();
            return g;
        } catch (ParseException | IllegalArgumentException e) {
            throw Cql2Exception.syntaxOf(start, "cql2.wkt_invalid", e.getMessage());
        }
    }

    final String singleStringArgument() {
        advance();
        expect(Kind.LPAREN, "(");
        if (!tok.is(Kind.STRING)) {
            throw unexpected("a quoted string");
        }
        String s = tok.text();
        advance();
        expect(Kind.RPAREN, ")");
        return s;
    }
}
