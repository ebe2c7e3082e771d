package org.wufei.gis.ogc.filter;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The OGC {@code sortby} parameter resolved against the allow-list, ready to become an ORDER BY clause.
 *
 * @param keys sort keys in priority order; empty when the client asked for no sorting
 */
public record SortBy(List<SortKey> keys) {

    public static final String INVALID_SORTBY = "invalid_sortby";

    /** One sort key: an allow-listed property and its direction. */
    public record SortKey(Queryable queryable, boolean ascending) {

        public String sql() {
            return queryable.sqlColumn() + (ascending ? " ASC" : " DESC");
        }
    }

    public SortBy {
        keys = List.copyOf(keys);
    }

    /**
     * Parses {@code +name,-updated_at} (OGC) or {@code name DESC, updated_at ASC}. A leading '+' often arrives as a
     * space because URL decoding turns '+' into ' ', so surrounding spaces simply mean ascending.
     */
    public static SortBy parse(String sortby, Queryables queryables) {
        if (sortby == null || sortby.isBlank()) {
            return new SortBy(List.of());
        }
        List<SortKey> keys = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String part : sortby.split(",", -1)) {
            String item = part.strip();
            boolean ascending = true;
            if (item.startsWith("+") || item.startsWith("-")) {
                ascending = item.charAt(0) == '+';
                item = item.substring(1).strip();
            } else {
                String upper = item.toUpperCase(Locale.ROOT);
                if (upper.endsWith(" DESC") || upper.endsWith(" ASC")) {
                    ascending = upper.endsWith(" ASC");
                    item = item.substring(0, item.lastIndexOf(' ')).strip();
                }
            }
            if (item.isEmpty()) {
                throw Cql2Exception.keyed(INVALID_SORTBY, "cql2.sortby_empty_key");
            }
            Queryable q = queryables.require(item, Cql2Exception.PARAM_UNKNOWN_PROPERTY);
            if (q.type() == Queryable.Type.GEOMETRY) {
                throw Cql2Exception.keyed(INVALID_SORTBY, "cql2.sortby_geometry", item);
            }
            if (seen.add(q.name())) {
                keys.add(new SortKey(q, ascending));
            }
        }
        return new SortBy(keys);
    }

    public boolean isEmpty() {
        return keys.isEmpty();
    }

    /** {@code name ASC, updated_at DESC}, or an empty string when unsorted; callers add their own tie-breaker. */
    public String orderBySql() {
        return keys.stream().map(SortKey::sql).collect(Collectors.joining(", "));
    }
}
