package org.wufei.gis.common.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/** The preferences of an RFC 7240 {@code Prefer} header, as far as the service honours any. */
public final class Preferences {
    public static final String PREFER = "Prefer";
    public static final String PREFERENCE_APPLIED = "Preference-Applied";
    public static final String WAIT = "wait";

    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    private Preferences() {
    }

    /**
     * Each preference's name (lower case) and value ({@code ""} without one); parameters after {@code ;} are left
     * out. A preference given twice counts the first time (RFC 7240 section 2); malformed elements are skipped.
     */
    public static Map<String, String> parse(String header) {
        Map<String, String> out = new LinkedHashMap<>();
        if (header == null) {
            return out;
        }
        for (String element : split(header, ',')) {
            String preference = split(element, ';').get(0);
            int eq = indexOutsideQuotes(preference, '=');
            String name = (eq < 0 ? preference : preference.substring(0, eq)).strip();
            if (!TOKEN.matcher(name).matches()) {
                continue;
            }
            String value = eq < 0 ? "" : unquote(preference.substring(eq + 1).strip());
            out.putIfAbsent(name.toLowerCase(Locale.ROOT), value);
        }
        return out;
    }

    /**
     * The seconds asked for by {@code wait=N}, at most {@code max}; empty without a usable one (no value, not a
     * whole number of seconds).
     */
    public static OptionalInt waitSeconds(String header, int max) {
        String value = parse(header).get(WAIT);
        if (value == null || !DIGITS.matcher(value).matches()) {
            return OptionalInt.empty();
        }
        String digits = value.replaceFirst("^0+(?=.)", "");
        return OptionalInt.of(digits.length() > 9 ? max : Math.min(Integer.parseInt(digits), max));
    }

    /** Splits at {@code separator} outside quoted strings. */
    private static List<String> split(String s, char separator) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == separator && !quoted) {
                parts.add(s.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(s.substring(start));
        return parts;
    }

    private static int indexOutsideQuotes(String s, char c) {
        String first = split(s, c).get(0);
        return first.length() == s.length() ? -1 : first.length();
    }

    private static String unquote(String word) {
        if (word.length() < 2 || word.charAt(0) != '"' || word.charAt(word.length() - 1) != '"') {
            return word;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < word.length() - 1; i++) {
            char c = word.charAt(i);
            if (c == '\\' && i + 1 < word.length() - 1) {
                c = word.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }
}
