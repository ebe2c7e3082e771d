package org.wufei.gis.indicators;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wufei.gis.indicators.IndicatorDefinition.Clause;
import org.wufei.gis.indicators.IndicatorDefinition.Formula;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads and checks the indicators file. A malformed file refuses start with a message naming the file and the
 * entry: an unknown key, a kind without a lifecycle, a status the kind's lifecycle does not have, an unknown
 * coverage provider, or a formula that is not exactly one of ratio / count / sumArea / coverage.
 */
final class IndicatorFile {
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build(); // overdue: false when absent

    private IndicatorFile() {
    }

    static List<IndicatorDefinition> read(Path file, Set<String> providers) {
        return read(file, providers, Lifecycles.statusesByKind());
    }

    /** @param lifecycles the statuses of each kind (from the kind definitions) */
    static List<IndicatorDefinition> read(Path file, Set<String> providers, Map<String, Set<String>> lifecycles) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("Indicators file not found: " + file.toAbsolutePath()
                    + " (set gis.indicators.file / GIS_INDICATORS_FILE)");
        }
        JsonNode entries;
        try {
            entries = YAML.readTree(file.toFile()).path("indicators");
        } catch (JacksonException e) {
            throw refused(file, "(file)", e.getOriginalMessage());
        }
        if (!entries.isArray() || entries.isEmpty()) {
            throw refused(file, "(file)", "a non-empty list 'indicators' is required");
        }
        List<IndicatorDefinition> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int index = 0;
        for (JsonNode entry : entries) {
            String name = "#" + index++ + (entry.hasNonNull("id") ? " '" + entry.get("id").asString() + "'" : "");
            IndicatorDefinition d;
            try {
                d = YAML.treeToValue(entry, IndicatorDefinition.class);
            } catch (JacksonException e) {
                throw refused(file, name, e.getOriginalMessage() + " at " + e.getPathReference());
            }
            String problem = problem(d, lifecycles, providers);
            if (problem == null && !ids.add(d.id())) {
                problem = "duplicate id";
            }
            if (problem != null) {
                throw refused(file, name, problem);
            }
            out.add(d);
        }
        return List.copyOf(out);
    }

    private static String problem(IndicatorDefinition d, Map<String, Set<String>> lifecycles, Set<String> providers) {
        if (d.id() == null || !d.id().matches("[a-z0-9][a-z0-9_-]{0,63}")) {
            return "id must be lower-case letters, digits, '-' or '_'";
        }
        if (d.name() == null || d.name().get("zh") == null || d.name().get("en") == null) {
            return "name needs zh and en";
        }
        Formula f = d.formula();
        if (f == null) {
            return "formula is required";
        }
        int parts = (f.ratio() != null ? 1 : 0) + (f.count() != null ? 1 : 0) + (f.sumArea() != null ? 1 : 0)
                + (f.coverage() != null ? 1 : 0);
        if (parts != 1) {
            return "formula must be exactly one of ratio, count, sumArea, coverage";
        }
        List<List<Clause>> selections = new ArrayList<>();
        if (f.ratio() != null) {
            if (f.ratio().numerator() == null || f.ratio().denominator() == null) {
                return "ratio needs numerator and denominator";
            }
            selections.add(f.ratio().numerator());
            selections.add(f.ratio().denominator());
        }
        if (f.coverage() != null) {
            if (!providers.contains(f.coverage().provider())) {
                return "unknown coverage provider '" + f.coverage().provider() + "' (known: " + providers + ")";
            }
            Double radius = f.coverage().radiusMetres();
            boolean tiers = f.coverage().tiers() != null && !f.coverage().tiers().isEmpty();
            if (f.coverage().servedBy() == null || !(radius != null && radius > 0 || tiers)) {
                return "coverage needs servedBy and a positive radiusMetres (or tiers)";
            }
            selections.add(f.coverage().servedBy());
        }
        selections.add(f.count());
        selections.add(f.sumArea());
        for (List<Clause> selection : selections) {
            String p = selection == null ? null : clauses(selection, lifecycles);
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    private static String clauses(List<Clause> selection, Map<String, Set<String>> lifecycles) {
        if (selection.isEmpty()) {
            return "a selection needs at least one {kind, status} clause";
        }
        for (Clause c : selection) {
            if (c.kind() == null || c.kind().isEmpty() || c.status() == null || c.status().isEmpty()) {
                return "a clause needs kind and status lists";
            }
            for (String kind : c.kind()) {
                if (!lifecycles.containsKey(kind)) {
                    return "unknown kind '" + kind + "' (known: " + lifecycles.keySet() + ")";
                }
            }
            for (String status : c.status()) {
                if (c.kind().stream().noneMatch(k -> lifecycles.get(k).contains(status))) {
                    return "no kind of " + c.kind() + " has the status '" + status + "'";
                }
            }
        }
        return null;
    }

    private static IllegalStateException refused(Path file, String entry, String problem) {
        return new IllegalStateException("Indicators file " + file.toAbsolutePath() + ", entry " + entry + ": "
                + problem);
    }
}
