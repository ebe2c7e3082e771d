package org.wufei.gis.crs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A node of WKT1 text (OGC or ESRI flavour) such as {@code SPHEROID["Krasovsky_1940",6378245.0,298.3]}: a keyword
 * and its arguments, which are quoted strings (String), numbers (Double), bare words (String) or nested nodes.
 *
 * <p>Hand-written rather than Apache SIS because .prj files from Chinese tools use ESRI names ("Gauss_Kruger",
 * "D_China_2000") that are matched here by parameters anyway, and garbage must yield "no match", not an exception
 * deep in a parser.
 */
record Wkt(String keyword, List<Object> args) {

    private static final int MAX_LENGTH = 64 * 1024;
    private static final int MAX_DEPTH = 16;

    /** Parses one WKT node; trailing whitespace is allowed, anything else after it is not. */
    static Optional<Wkt> parse(String text) {
        if (text == null || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        Reader r = new Reader(text.replace("\uFEFF", ""));
        try {
            r.skipSpace();
            Wkt node = r.node(0);
            r.skipSpace();
            return r.atEnd() ? Optional.of(node) : Optional.empty();
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    boolean is(String name) {
        return keyword.equalsIgnoreCase(name);
    }

    /** The node's name, i.e. its first argument when that is a quoted string; "" otherwise. */
    String name() {
        return !args.isEmpty() && args.get(0) instanceof String s ? s : "";
    }

    /** The i-th argument as a number, if it is one. */
    Optional<Double> number(int i) {
        return i < args.size() && args.get(i) instanceof Double d ? Optional.of(d) : Optional.empty();
    }

    Optional<Wkt> child(String name) {
        return children(name).stream().findFirst();
    }

    List<Wkt> children(String name) {
        List<Wkt> list = new ArrayList<>();
        for (Object a : args) {
            if (a instanceof Wkt w && w.is(name)) {
                list.add(w);
            }
        }
        return list;
    }

    /** Lower-case letters and digits only, so "Gauss_Kruger", "Gauss-Kruger" and "gauss kruger" compare equal. */
    static String normalise(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private static final class Reader {
        private final String s;
        private int pos;

        Reader(String s) {
            this.s = s;
        }

        Wkt node(int depth) {
            if (depth > MAX_DEPTH) {
                throw new IllegalArgumentException("too deep");
            }
            String keyword = word();
            skipSpace();
            char open = s.charAt(pos++);
            if (open != '[' && open != '(') {
                throw new IllegalArgumentException("expected [ after " + keyword);
            }
            char close = open == '[' ? ']' : ')';
            List<Object> args = new ArrayList<>();
            skipSpace();
            if (s.charAt(pos) == close) {
                pos++;
                return new Wkt(keyword, List.copyOf(args));
            }
            while (true) {
                skipSpace();
                args.add(value(depth));
                skipSpace();
                char c = s.charAt(pos++);
                if (c == close) {
                    return new Wkt(keyword, List.copyOf(args));
                }
                if (c != ',') {
                    throw new IllegalArgumentException("expected , or " + close);
                }
            }
        }

        private Object value(int depth) {
            char c = s.charAt(pos);
            if (c == '"') {
                return quoted();
            }
            if (c == '-' || c == '+' || c == '.' || Character.isDigit(c)) {
                return number();
            }
            int start = pos;
            String w = word();
            skipSpace();
            if (pos < s.length() && (s.charAt(pos) == '[' || s.charAt(pos) == '(')) {
                pos = start;
                return node(depth + 1);
            }
            return w;
        }

        private String quoted() {
            StringBuilder b = new StringBuilder();
            pos++;
            while (true) {
                char c = s.charAt(pos++);
                if (c == '"') {
                    if (pos < s.length() && s.charAt(pos) == '"') {
                        b.append('"');
                        pos++;
                    } else {
                        return b.toString();
                    }
                } else {
                    b.append(c);
                }
            }
        }

        private Double number() {
            int start = pos;
            while (pos < s.length() && "+-.eE0123456789".indexOf(s.charAt(pos)) >= 0) {
                pos++;
            }
            double d = Double.parseDouble(s.substring(start, pos));
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("not finite");
            }
            return d;
        }

        private String word() {
            int start = pos;
            while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
                pos++;
            }
            if (pos == start) {
                throw new IllegalArgumentException("expected a keyword at " + pos);
            }
            return s.substring(start, pos);
        }

        void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        boolean atEnd() {
            return pos == s.length();
        }
    }
}
