package org.wufei.gis.imports.register;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wufei.gis.common.DomainException;
import org.wufei.gis.common.Texts;
import org.wufei.gis.imports.normalise.CrsResolver;
import org.wufei.gis.imports.normalise.FeatureNormaliser;
import org.wufei.gis.imports.read.FeatureReaders;
import org.wufei.gis.imports.read.FeatureRead;
import org.wufei.gis.imports.read.FeatureSource;
import org.wufei.gis.imports.read.ImportException;
import org.wufei.gis.imports.read.ReadOptions;
import org.wufei.gis.imports.read.SourceFeature;
import org.wufei.gis.sites.AttributeDef;
import org.wufei.gis.sites.RegisterImports;
import tools.jackson.databind.json.JsonMapper;

/**
 * A register file read whole and mapped to sites, row by row, with every row's problems (row and column) rather
 * than the first: a 清单 is a document, refused or taken as a whole.
 */
final class RegisterFile {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One problem: the data row (1 = first record; null for the mapping itself), its column, the field, why. */
    record RowError(Long row, String column, String field, String code, Object[] args, String zh, String en) {
        static RowError of(Long row, String column, String field, String code, Object... args) {
            return new RowError(row, column, field, code, args, null, null);
        }

        /** Errors as an import stores them: {row, column, field, code, zh, en}, the first {@code max} of them. */
        static String json(List<RowError> errors, int max) {
            List<Map<String, Object>> stored = new ArrayList<>();
            for (RowError e : errors.subList(0, Math.min(errors.size(), max))) {
                Object[] args = e.args() == null ? new Object[0] : e.args();
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("row", e.row());
                m.put("column", e.column());
                m.put("field", e.field());
                m.put("code", e.code());
                m.put("zh", e.zh() != null ? e.zh() : Texts.zh("error." + e.code(), args));
                m.put("en", e.en() != null ? e.en() : Texts.en("error." + e.code(), args));
                stored.add(m);
            }
            return JSON.writeValueAsString(stored);
        }
    }

    /** A mapped row: its number and the site it describes. */
    record Row(long row, RegisterImports.ImportedSite site) {
    }

    record Read(List<String> columns, List<Row> rows, List<RowError> errors, List<Map<String, Object>> sample) {
    }

    /** Told how far a run is: the share done (0..1) and the rows read so far; throttled by whoever listens. */
    @FunctionalInterface
    interface Progress {
        Progress NONE = (fraction, rows) -> {
        };

        void at(double fraction, long rows);
    }

    private RegisterFile() {
    }

    /** The columns and the first rows' values, for proposing a mapping. */
    static Read columns(Path file, ReadOptions options, int sampleRows) {
        Set<String> columns = new LinkedHashSet<>();
        List<Map<String, Object>> sample = new ArrayList<>();
        try (FeatureSource source = FeatureReaders.open(file, options)) {
            Iterator<SourceFeature> it = source.iterator();
            while (it.hasNext()) {
                try {
                    SourceFeature f = it.next();
                    columns.addAll(f.attributes().keySet());
                    if (sample.size() < sampleRows) {
                        sample.add(f.attributes());
                    }
                } catch (ImportException e) {
                    if (e.featureIndex().isEmpty()) {
                        throw e;
                    }
                }
            }
        }
        return new Read(List.copyOf(columns), List.of(), List.of(), sample);
    }

    /** Every row mapped and checked against the kind (nothing is written). */
    static Read read(Path file, String fileName, ReadOptions options, String crs, FeatureNormaliser normaliser,
            String kindId, Map<String, String> mapping, CellValues cells, RegisterImports sites, Progress progress) {
        List<AttributeDef> schema = sites.schema(kindId);
        List<RowError> errors = new ArrayList<>(checkMapping(mapping, schema, kindId));
        if (!errors.isEmpty()) {
            return new Read(List.of(), List.of(), errors, List.of());
        }
        Map<String, String> columnOf = new HashMap<>();
        mapping.forEach((column, target) -> columnOf.put(target, column));
        Map<String, AttributeDef> defs = new HashMap<>();
        schema.forEach(d -> defs.put(d.name(), d));
        List<Row> rows = new ArrayList<>();
        Set<String> columns = new LinkedHashSet<>();
        Map<String, Long> codes = new HashMap<>();
        try (FeatureSource source = FeatureReaders.open(file, options)) {
            CrsResolver resolver = new CrsResolver(source, crs);
            Iterator<SourceFeature> it = source.iterator();
            while (it.hasNext()) {
                FeatureRead read = FeatureRead.next(it);
                if (read.refusal() != null) {
                    ImportException e = read.refusal();
                    errors.add(new RowError(e.featureIndex().getAsLong(), null, e.field(), e.code(), null,
                            e.messageZh(), e.messageEn()));
                    continue;
                }
                SourceFeature f = read.feature();
                long row = f.index(); // the readers number records from 1
                progress.at(0.5 * fraction(source, row), row); // reading and checking: the first half
                columns.addAll(f.attributes().keySet());
                int before = errors.size();
                Map<String, Object> attributes = new LinkedHashMap<>();
                Map<String, Object> common = new HashMap<>();
                for (Map.Entry<String, String> m : mapping.entrySet()) {
                    Object raw = f.attributes().get(m.getKey());
                    try {
                        AttributeDef def = defs.get(m.getValue());
                        if (def != null) {
                            Object v = cells.attribute(def, raw);
                            if (v != null) {
                                attributes.put(def.name(), v);
                            }
                        } else {
                            common.put(m.getValue(), switch (m.getValue()) {
                                case "status" -> cells.status(raw);
                                case "deadline" -> CellValues.date(raw);
                                default -> CellValues.text(raw);
                            });
                        }
                    } catch (CellValues.CellRefused e) {
                        errors.add(RowError.of(row, m.getKey(), m.getValue(), e.code, e.args));
                    }
                }
                String code = (String) common.get("code");
                if (code != null && codes.putIfAbsent(code, row) != null) {
                    errors.add(RowError.of(row, columnOf.get("code"), "code", "code_duplicate", code, codes.get(code)));
                }
                FeatureNormaliser.Normalised n = null;
                try {
                    n = normaliser.normalise(f.index(), f.geometry(), resolver.forLayer(f.layer()));
                } catch (ImportException e) {
                    errors.add(new RowError(row, null, "geometry", e.code(), null, e.messageZh(), e.messageEn()));
                }
                if (errors.size() > before || n == null) {
                    continue;
                }
                var site = new RegisterImports.ImportedSite(kindId, code, (String) common.get("name"),
                        (String) common.get("status"), (String) common.get("township"),
                        (java.time.LocalDate) common.get("deadline"), n.geometry(), attributes, fileName, row);
                try {
                    sites.check(site);
                    rows.add(new Row(row, site));
                } catch (DomainException e) {
                    String field = e.field() == null ? null : e.field().replaceFirst("^attributes\\.", "");
                    errors.add(RowError.of(row, field == null ? null : columnOf.get(field), field, e.code(),
                            e.args()));
                }
            }
        }
        return new Read(List.copyOf(columns), rows, errors, List.of());
    }

    /** The share of the file read after {@code rows} records, by the reader's cheap count or bytes parsed. */
    private static double fraction(FeatureSource source, long rows) {
        var count = source.estimatedCount();
        if (count.isPresent() && count.getAsLong() > 0) {
            return Math.min(1, (double) rows / count.getAsLong());
        }
        return source.fractionRead().orElse(0);
    }

    /** Every target known to the kind; a name and a status column present. */
    static List<RowError> checkMapping(Map<String, String> mapping, List<AttributeDef> schema, String kindId) {
        List<RowError> errors = new ArrayList<>();
        Set<String> targets = ColumnMapping.targets(schema);
        for (Map.Entry<String, String> m : mapping.entrySet()) {
            if (!targets.contains(m.getValue())) {
                errors.add(RowError.of(null, m.getKey(), m.getValue(), "mapping_attribute_unknown", m.getKey(),
                        m.getValue(), kindId));
            }
        }
        for (String required : List.of("name", "status")) {
            if (!mapping.containsValue(required)) {
                errors.add(RowError.of(null, null, required, "mapping_field_missing", required));
            }
        }
        return errors;
    }
}
