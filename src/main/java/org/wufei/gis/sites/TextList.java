package org.wufei.gis.sites;

import java.util.Arrays;
import java.util.List;

/** Lists of short names kept as one comma-separated column, so both databases can filter them with LIKE. */
public final class TextList {
    private TextList() {
    }

    public static String join(List<String> items) {
        return items == null || items.isEmpty() ? null : String.join(",", items);
    }

    public static List<String> split(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.stream(text.split(",")).map(String::strip).toList();
    }
}
