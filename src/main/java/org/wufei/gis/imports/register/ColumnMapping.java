package org.wufei.gis.imports.register;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.wufei.gis.common.Labels;
import org.wufei.gis.sites.AttributeDef;

/**
 * Which column of a register file fills which field of a site: the common fields ({@code code}, {@code name},
 * {@code status}, {@code township}, {@code deadline}) and the kind's attributes. Proposed from the columns' names
 * against the fields' labels (名称, 类别, 责任主体, 状态, 整改时限 …) for the user to confirm, or given.
 */
final class ColumnMapping {
    static final List<String> COMMON = List.of("code", "name", "status", "township", "deadline");

    /** Names registers use for the common fields, besides their labels. */
    private static final Map<String, List<String>> COMMON_ALIASES = Map.of(
            "code", List.of("编号", "点位编号", "代码", "编码", "code", "bh"),
            "name", List.of("名称", "点位名称", "堆场名称", "name", "mc"),
            "status", List.of("状态", "整改状态", "当前状态", "status", "zt"),
            "township", List.of("乡镇", "乡镇（街道）", "街道", "所在乡镇", "township"),
            "deadline", List.of("整改时限", "整改期限", "完成时限", "期限", "deadline"));

    private ColumnMapping() {
    }

    /** Every field a column may be mapped to for this kind. */
    static Set<String> targets(List<AttributeDef> schema) {
        Set<String> out = new LinkedHashSet<>(COMMON);
        schema.forEach(a -> out.add(a.name()));
        return out;
    }

    /** For each column the field it most likely fills; columns matching nothing are left out. */
    static Map<String, String> propose(List<String> columns, List<AttributeDef> schema, Labels labels) {
        Map<String, List<String>> names = new LinkedHashMap<>();
        for (String target : targets(schema)) {
            List<String> n = new ArrayList<>(COMMON_ALIASES.getOrDefault(target, List.of()));
            n.add(target);
            n.addAll(labels.of(target, "attr." + target).values());
            names.put(target, n.stream().map(ColumnMapping::key).toList());
        }
        Map<String, String> out = new LinkedHashMap<>();
        Set<String> taken = new LinkedHashSet<>();
        for (int pass = 0; pass < 2; pass++) { // exact names first, then a column that contains a label
            for (String column : columns) {
                if (out.containsKey(column)) {
                    continue;
                }
                String k = key(column);
                for (Map.Entry<String, List<String>> t : names.entrySet()) {
                    if (taken.contains(t.getKey())) {
                        continue;
                    }
                    boolean hit = pass == 0 ? t.getValue().contains(k)
                            : t.getValue().stream().anyMatch(label -> label.length() >= 2 && k.contains(label));
                    if (hit) {
                        out.put(column, t.getKey());
                        taken.add(t.getKey());
                        break;
                    }
                }
            }
        }
        return out;
    }

    /** A name without case, blanks, units and bracketed notes: "面积（m²）" and "面积" are one key. */
    static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[（(\\[【].*?[)）\\]】]", "")
                .replaceAll("[\\s_\\-:：/]", "");
    }
}
