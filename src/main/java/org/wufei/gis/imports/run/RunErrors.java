package org.wufei.gis.imports.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wufei.gis.imports.read.ImportException;
import tools.jackson.databind.json.JsonMapper;

/** The errors of one run: the first few in full (feature, layer, field, code, messages), every one counted by code. */
public final class RunErrors {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One stored error, with the message in both languages. */
    public record StoredError(Long feature, String layer, String field, String code, String zh, String en) {
    }

    private final int keep;
    private final List<StoredError> first = new ArrayList<>();
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private long total;

    public RunErrors(int keep) {
        this.keep = keep;
    }

    public void add(ImportException e, String layer) {
        total++;
        counts.merge(e.code(), 1L, Long::sum);
        if (first.size() < keep) {
            Long feature = e.featureIndex().isPresent() ? e.featureIndex().getAsLong() : null;
            first.add(new StoredError(feature, layer, e.field(), e.code(), e.messageZh(), e.messageEn()));
        }
    }

    public long total() {
        return total;
    }

    public String json() {
        return first.isEmpty() ? null : JSON.writeValueAsString(first);
    }

    public String countsJson() {
        return counts.isEmpty() ? null : JSON.writeValueAsString(counts);
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    public static List<StoredError> read(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        return List.of(JSON.readValue(json, StoredError[].class));
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Long> readCounts(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        Map<String, Object> raw = JSON.readValue(json, Map.class);
        Map<String, Long> out = new LinkedHashMap<>();
        raw.forEach((k, v) -> out.put(k, ((Number) v).longValue()));
        return out;
    }
}
