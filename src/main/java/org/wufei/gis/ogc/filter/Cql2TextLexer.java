package org.wufei.gis.ogc.filter;

/** Splits cql2-text into tokens on demand, so the parser can re-read raw text (WKT, bare ISO instants) itself. */
final class Cql2TextLexer {

    enum Kind { IDENT, QUOTED_IDENT, STRING, NUMBER, LPAREN, RPAREN, COMMA, OP, EOF }

    record Token(Kind kind, String text, int pos) {
        boolean is(Kind k) {
            return kind == k;
        }

        boolean isKeyword(String keyword) {
            return kind == Kind.IDENT && text.equalsIgnoreCase(keyword);
        }
    }

    private final String input;
    private int offset;

    Cql2TextLexer(String input) {
        this.input = input;
    }

    String input() {
        return input;
    }

    /** Continues lexing at the given offset (used after the parser consumed raw text). */
    void reset(int newOffset) {
        offset = newOffset;
    }

    int skipSpaces(int from) {
        int i = from;
        while (i < input.length() && Character.isWhitespace(input.charAt(i))) {
            i++;
        }
        return i;
    }

    Token next() {
        offset = skipSpaces(offset);
        if (offset >= input.length()) {
            return new Token(Kind.EOF, "", offset);
        }
        int start = offset;
        char c = input.charAt(offset);
        switch (c) {
            case '(': offset++; return new Token(Kind.LPAREN, "(", start);
            case ')': offset++; return new Token(Kind.RPAREN, ")", start);
            case ',': offset++; return new Token(Kind.COMMA, ",", start);
            case '=': offset++; return new Token(Kind.OP, "=", start);
            case '\'': return quoted('\'', Kind.STRING);
            case '"': return quoted('"', Kind.QUOTED_IDENT);
            case '<', '>', '!': return comparison(c, start);
            default: break;
        }
        if (Character.isDigit(c) || ((c == '-' || c == '+' || c == '.') && startsNumber(offset + 1))) {
            return number(start);
        }
        if (Character.isLetter(c) || c == '_') {
            int i = offset + 1;
            while (i < input.length() && isIdentPart(input.charAt(i))) {
                i++;
            }
            offset = i;
            return new Token(Kind.IDENT, input.substring(start, i), start);
        }
        throw Cql2Exception.syntaxOf(start, "cql2.unexpected_character", String.valueOf(c));
    }

    private static boolean isIdentPart(char c) {
        // ':' and '.' appear in CQL2 property names such as eo:cloud_cover.
        return Character.isLetterOrDigit(c) || c == '_' || c == ':' || c == '.';
    }

    private boolean startsNumber(int i) {
        return i < input.length() && (Character.isDigit(input.charAt(i)) || input.charAt(i) == '.');
    }

    private Token comparison(char c, int start) {
        char n = offset + 1 < input.length() ? input.charAt(offset + 1) : 0;
        if (c == '<' && (n == '=' || n == '>')) {
            offset += 2;
            return new Token(Kind.OP, "" + c + n, start);
        }
        if (c == '>' && n == '=') {
            offset += 2;
            return new Token(Kind.OP, ">=", start);
        }
        if (c == '!' && n == '=') {
            offset += 2;
            return new Token(Kind.OP, "<>", start);
        }
        if (c == '!') {
            throw Cql2Exception.syntaxOf(start, "cql2.unexpected_character", "!");
        }
        offset++;
        return new Token(Kind.OP, String.valueOf(c), start);
    }

    private Token number(int start) {
        int i = offset;
        if (input.charAt(i) == '-' || input.charAt(i) == '+') {
            i++;
        }
        while (i < input.length() && (Character.isDigit(input.charAt(i)) || input.charAt(i) == '.')) {
            i++;
        }
        if (i < input.length() && (input.charAt(i) == 'e' || input.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < input.length() && (input.charAt(j) == '-' || input.charAt(j) == '+')) {
                j++;
            }
            if (j < input.length() && Character.isDigit(input.charAt(j))) {
                i = j;
                while (i < input.length() && Character.isDigit(input.charAt(i))) {
                    i++;
                }
            }
        }
        offset = i;
        String text = input.substring(start, i);
        if (text.startsWith("+")) {
            text = text.substring(1);
        }
        return new Token(Kind.NUMBER, text, start);
    }

    /** Reads a '…' string or "…" identifier; the quote character is escaped by doubling it. */
    private Token quoted(char quote, Kind kind) {
        int start = offset;
        StringBuilder sb = new StringBuilder();
        int i = offset + 1;
        while (true) {
            if (i >= input.length()) {
                throw Cql2Exception.syntaxOf(start, quote == '\'' ? "cql2.unterminated_string" : "cql2.unterminated_name");
            }
            char c = input.charAt(i);
            if (c == quote) {
                if (i + 1 < input.length() && input.charAt(i + 1) == quote) {
                    sb.append(quote);
                    i += 2;
                    continue;
                }
                offset = i + 1;
                return new Token(kind, sb.toString(), start);
            }
            sb.append(c);
            i++;
        }
    }

    /**
     * End of a WKT literal whose type keyword ends at {@code from}: after its balanced parentheses, or after EMPTY.
     * WKT holds no quotes, so a quote means the literal is malformed (and must not swallow a string).
     */
    int endOfWkt(int from) {
        int depth = 0;
        boolean seenParen = false;
        for (int i = from; i < input.length(); i++) {
            char c = input.charAt(i);
            if (c == '(') {
                depth++;
                seenParen = true;
            } else if (c == ')') {
                depth--;
                if (depth <= 0) {
                    return depth == 0 ? i + 1 : i;
                }
            } else if (!seenParen && input.regionMatches(true, i, "EMPTY", 0, 5)) {
                return i + 5;
            } else if (c == '\'' || c == '"') {
                throw Cql2Exception.syntaxOf(i, "cql2.geometry_quotes");
            }
        }
        return input.length();
    }
}
