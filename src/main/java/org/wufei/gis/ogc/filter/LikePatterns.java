package org.wufei.gis.ogc.filter;

/** LIKE pattern helpers; the service always hands SQL a backslash-escaped pattern with {@code ESCAPE '\'}. */
final class LikePatterns {

    private LikePatterns() {
    }

    /** Rewrites a pattern written with another escape character into the backslash form. */
    static String toBackslashEscape(String pattern, char escape) {
        if (escape == '\\') {
            return pattern;
        }
        StringBuilder sb = new StringBuilder(pattern.length() + 8);
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == escape && i + 1 < pattern.length()) {
                char next = pattern.charAt(++i);
                if (next == '%' || next == '_' || next == '\\') {
                    sb.append('\\');
                }
                sb.append(next);
            } else if (c == '\\') {
                sb.append("\\\\");
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * Normalises backslashes so every database reads the pattern alike: a backslash escapes only %, _ and itself,
     * before any other character it is dropped (CQL2 gives it no meaning), and a trailing one is taken literally.
     */
    static String sanitise(String pattern) {
        StringBuilder sb = new StringBuilder(pattern.length() + 2);
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c != '\\') {
                sb.append(c);
            } else if (i + 1 == pattern.length()) {
                sb.append("\\\\");
            } else {
                char next = pattern.charAt(++i);
                if (next == '%' || next == '_' || next == '\\') {
                    sb.append('\\');
                }
                sb.append(next);
            }
        }
        return sb.toString();
    }
}
