package org.wufei.gis.imports.register;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wufei.gis.common.Labels;
import org.wufei.gis.sites.AttributeDef;

/**
 * Reads a register's cells as a site's values: code-list values by code or by label (建筑垃圾 → construction_waste),
 * numbers and yes/no written as text, dates in the ways Chinese registers write them, statuses by code, label or the
 * request's own table. A cell that cannot be read is a {@link CellRefused} naming why.
 */
final class CellValues {
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ofPattern("yyyy-M-d"),
            DateTimeFormatter.ofPattern("yyyy/M/d"), DateTimeFormatter.ofPattern("yyyy.M.d"),
            DateTimeFormatter.ofPattern("yyyy年M月d日"), DateTimeFormatter.BASIC_ISO_DATE);
    private static final Set<String> YES = Set.of("是", "有", "true", "yes", "y", "1");
    private static final Set<String> NO = Set.of("否", "无", "false", "no", "n", "0");

    /** A cell refused, with the message code and its arguments. */
    static final class CellRefused extends RuntimeException {
        final String code;
        final transient Object[] args;

        CellRefused(String code, Object... args) {
            super(code, null, false, false);
            this.code = code;
            this.args = args;
        }
    }

    private final Map<String, Map<String, String>> codesByLabel = new HashMap<>();
    private final Map<String, String> statusByLabel = new HashMap<>();
    private final String kindId;

    CellValues(String kindId, List<AttributeDef> schema, Set<String> states, Map<String, String> statuses,
            Labels labels) {
        this.kindId = kindId;
        for (AttributeDef def : schema) {
            Map<String, String> byLabel = new HashMap<>();
            for (String code : def.allowed()) {
                byLabel.put(code, code);
                labels.of(code, "enum." + def.name() + "." + code).values().forEach(l -> byLabel.put(l, code));
            }
            codesByLabel.put(def.name(), byLabel);
        }
        for (String state : states) {
            statusByLabel.put(state, state);
            labels.of(state, "status." + kindId + "." + state, "status." + state).values()
                    .forEach(l -> statusByLabel.put(l, state));
        }
        if (statuses != null) {
            statusByLabel.putAll(statuses);
        }
    }

    Object attribute(AttributeDef def, Object raw) {
        String text = raw instanceof String s ? s.strip() : null;
        if (raw == null || text != null && text.isEmpty()) {
            return null;
        }
        return switch (def.type()) {
            case STRING -> def.isEnumerated() ? code(def, text == null ? plain(raw) : text) : text == null ? plain(raw) : text;
            case NUMBER, INTEGER -> number(def, raw);
            case BOOLEAN -> flag(def, raw);
            case STRING_LIST -> {
                List<String> items = new ArrayList<>();
                for (String item : (text == null ? plain(raw) : text).split("[、,，;；]")) {
                    if (!item.isBlank()) {
                        items.add(def.isEnumerated() ? code(def, item.strip()) : item.strip());
                    }
                }
                yield items;
            }
        };
    }

    String status(Object raw) {
        String text = raw == null ? "" : plain(raw).strip();
        String state = statusByLabel.get(text);
        if (state == null) {
            throw new CellRefused("status_not_in_lifecycle", text, kindId);
        }
        return state;
    }

    static LocalDate date(Object raw) {
        if (raw == null || raw instanceof String s && s.isBlank()) {
            return null;
        }
        if (raw instanceof LocalDate d) {
            return d;
        }
        if (raw instanceof LocalDateTime t) {
            return t.toLocalDate();
        }
        String text = plain(raw).strip();
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(text, f);
            } catch (DateTimeParseException e) {
                // the next way of writing it
            }
        }
        throw new CellRefused("date_unreadable", text);
    }

    static String text(Object raw) {
        if (raw == null) {
            return null;
        }
        String s = plain(raw).strip();
        return s.isEmpty() ? null : s;
    }

    private String code(AttributeDef def, String text) {
        String code = codesByLabel.get(def.name()).get(text);
        if (code == null) {
            throw new CellRefused("attribute_value_not_allowed", def.name(), text, String.join(", ", def.allowed()));
        }
        return code;
    }

    private static Object number(AttributeDef def, Object raw) {
        if (raw instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(plain(raw).strip().replace(",", ""));
        } catch (NumberFormatException e) {
            throw new CellRefused("attribute_invalid", def.name(), "number");
        }
    }

    private static Boolean flag(AttributeDef def, Object raw) {
        if (raw instanceof Boolean b) {
            return b;
        }
        String t = plain(raw).strip().toLowerCase(java.util.Locale.ROOT);
        if (t.endsWith(".0")) {
            t = t.substring(0, t.length() - 2);
        }
        if (YES.contains(t)) {
            return true;
        }
        if (NO.contains(t)) {
            return false;
        }
        throw new CellRefused("attribute_invalid", def.name(), "boolean");
    }

    /** Numbers as a person wrote them: 12.0 read from a DBF or sheet is "12". */
    private static String plain(Object raw) {
        return raw instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf(d.longValue())
                : String.valueOf(raw);
    }
}
