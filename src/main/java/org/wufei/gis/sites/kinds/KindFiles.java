package org.wufei.gis.sites.kinds;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.wufei.gis.common.Role;
import org.wufei.gis.sites.AttributeDef;
import org.wufei.gis.sites.SiteKind;
import org.wufei.gis.sites.Transition;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads and checks kind definition files ({@code *.yml} in a directory) and their lifecycle tables: a malformed
 * file, an unknown attribute type, a lifecycle naming a status the file does not declare, or a bad name is a
 * {@link KindDefinitionException} naming the file and line.
 */
public final class KindFiles {
    /** Property names the common site columns already use: an attribute may not take them. */
    public static final Set<String> COMMON = Set.of("id", "code", "name", "kind", "status", "township", "area_m2",
            "updated_at", "created_at", "version", "deleted_at", "geom", "geometry", "attributes", "deadline",
            "rectification_mode");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final Pattern ABBREVIATION = Pattern.compile("[A-Z][A-Z0-9]{0,5}");
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final Set<String> GEOMETRIES = Set.of("point", "polygon");
    private static final Set<String> SHAPES = Set.of("circle", "square", "triangle", "diamond", "hexagon");
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private KindFiles() {
    }

    /** Every {@code *.yml} file of the directory, by their {@code order} (then file name; no order comes last). */
    public static List<SiteKind> readDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new KindDefinitionException(dir, null, "not a directory");
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Map.Entry<Integer, SiteKind>> out = new ArrayList<>();
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".yml")).sorted().toList()) {
                KindFile k = parse(f);
                out.add(Map.entry(k.order() == null ? Integer.MAX_VALUE : k.order(), new Checker(f, k).kind()));
            }
            out.sort(Map.Entry.comparingByKey());
            return out.stream().map(Map.Entry::getValue).toList();
        } catch (IOException e) {
            throw new KindDefinitionException(dir, null, "cannot list: " + e.getMessage(), e);
        }
    }

    public static SiteKind read(Path file) {
        return new Checker(file, parse(file)).kind();
    }

    private static KindFile parse(Path file) {
        KindFile k;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            k = YAML.readValue(r, KindFile.class);
        } catch (JacksonException e) {
            Integer line = e.getLocation() == null ? null : e.getLocation().getLineNr();
            throw new KindDefinitionException(file, line, e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new KindDefinitionException(file, null, "cannot read: " + e.getMessage(), e);
        }
        if (k == null) {
            throw new KindDefinitionException(file, null, "empty file");
        }
        return k;
    }

    /** Checks one parsed file and builds the kind. */
    private record Checker(Path file, KindFile k) {

        SiteKind kind() {
            name("id", k.id(), NAME);
            name("collection", k.collection(), NAME);
            name("code", k.code(), ABBREVIATION);
            labels("labels", k.labels());
            if (k.geometry() == null || k.geometry().isEmpty() || !GEOMETRIES.containsAll(k.geometry())) {
                fail("geometry must list point and/or polygon, not " + k.geometry());
            }
            if (k.statuses() == null || k.statuses().isEmpty()) {
                fail("statuses: at least one status with zh/en labels is required");
            }
            k.statuses().forEach((s, l) -> {
                name("statuses." + s, s, NAME);
                labels("statuses." + s, l);
                if (l.get("colour") != null && !COLOUR.matcher(l.get("colour")).matches()) {
                    fail("statuses." + s + ".colour must be #rrggbb");
                }
            });
            Map<String, Map<String, String>> checklist = k.checklist() == null ? Map.of() : k.checklist();
            checklist.forEach((c, l) -> {
                name("checklist." + c, c, NAME);
                labels("checklist." + c, l);
            });
            Map<String, Map<String, String>> evidence = k.evidence() == null ? Map.of() : k.evidence();
            evidence.forEach((e, l) -> labels("evidence." + e, l));
            List<AttributeDef> attributes = attributes();
            Set<String> names = attributes.stream().map(AttributeDef::name).collect(java.util.stream.Collectors
                    .toSet());
            List<String> popup = k.popup() == null ? List.of() : k.popup();
            popup.stream().filter(p -> !names.contains(p) && !COMMON.contains(p)).findFirst()
                    .ifPresent(p -> fail("popup names an unknown attribute '" + p + "'"));
            List<String> tiles = k.tiles() == null ? List.of("code", "name", "kind", "status") : k.tiles();
            tiles.stream().filter(p -> !names.contains(p) && !COMMON.contains(p)).findFirst()
                    .ifPresent(p -> fail("tiles names an unknown attribute '" + p + "'"));
            KindFile.Symbol symbol = k.symbol() == null ? new KindFile.Symbol("#7f8c8d", "circle") : k.symbol();
            if (symbol.colour() == null || !COLOUR.matcher(symbol.colour()).matches()
                    || !SHAPES.contains(symbol.shape())) {
                fail("symbol needs colour #rrggbb and shape one of " + SHAPES);
            }
            List<Transition> transitions = LifecycleTable.read(file, lifecyclePath(), k.statuses().keySet(),
                    evidence.keySet());
            return new SiteKind(k.id(), Map.copyOf(k.labels()), k.collection(), k.code(), Set.copyOf(k.geometry()),
                    attributes, transitions, new LinkedHashMap<>(k.statuses()), new LinkedHashMap<>(evidence),
                    new SiteKind.Symbol(symbol.colour(), symbol.shape()), new LinkedHashMap<>(checklist), popup, tiles,
                    k.demo() == null ? 0 : k.demo().count(), file);
        }

        private Path lifecyclePath() {
            if (k.lifecycle() == null || k.lifecycle().isBlank()) {
                fail("lifecycle: the file name of the lifecycle table (CSV) is required");
            }
            Path p = file.resolveSibling(k.lifecycle()).normalize();
            if (!p.startsWith(file.toAbsolutePath().getParent()) && !p.startsWith(file.getParent())) {
                fail("lifecycle must be a file next to the definition");
            }
            return p;
        }

        private List<AttributeDef> attributes() {
            List<AttributeDef> out = new ArrayList<>();
            List<KindFile.Attribute> given = k.attributes() == null ? List.of() : k.attributes();
            Set<String> seen = new java.util.HashSet<>();
            for (KindFile.Attribute a : given) {
                name("attributes.name", a.name(), NAME);
                String at = "attribute '" + a.name() + "': ";
                if (COMMON.contains(a.name()) || !seen.add(a.name())) {
                    fail(at + "the name is taken (a common site field or an earlier attribute)");
                }
                if (a.type() == null) {
                    fail(at + "type is required (text, code, number, integer, boolean, list)");
                }
                labels("attribute " + a.name(), a.labels());
                Map<String, Map<String, String>> codes = a.codes() == null ? Map.of() : a.codes();
                codes.forEach((c, l) -> labels(at + "code " + c, l));
                if (a.type() == KindFile.Type.CODE && codes.isEmpty()) {
                    fail(at + "a code attribute needs codes");
                }
                boolean numeric = a.type() == KindFile.Type.NUMBER || a.type() == KindFile.Type.INTEGER;
                Double min = a.min() == null ? (numeric ? 0.0 : null) : a.min();
                Double max = a.max() == null ? (numeric ? Double.MAX_VALUE : null) : a.max();
                if (numeric && min > max) {
                    fail(at + "min is above max");
                }
                int maxLength = a.maxLength() != null ? a.maxLength() : a.type() == KindFile.Type.CODE ? 32 : 200;
                AttributeDef.Type type = switch (a.type()) {
                    case TEXT, CODE -> AttributeDef.Type.STRING;
                    case NUMBER -> AttributeDef.Type.NUMBER;
                    case INTEGER -> AttributeDef.Type.INTEGER;
                    case BOOLEAN -> AttributeDef.Type.BOOLEAN;
                    case LIST -> AttributeDef.Type.STRING_LIST;
                };
                out.add(new AttributeDef(a.name(), type, List.copyOf(codes.keySet()), Boolean.TRUE.equals(a.required()), min, max,
                        maxLength, a.unit(), a.labels(), codes));
            }
            return out;
        }

        private void name(String field, String value, Pattern pattern) {
            if (value == null || !pattern.matcher(value).matches()) {
                fail(field + " '" + value + "' must match " + pattern.pattern());
            }
        }

        private void labels(String field, Map<String, String> labels) {
            if (labels == null || isBlank(labels.get("zh")) || isBlank(labels.get("en"))) {
                fail(field + " needs labels zh and en");
            }
        }

        private static boolean isBlank(String s) {
            return s == null || s.isBlank();
        }

        private void fail(String problem) {
            throw new KindDefinitionException(file, null, problem);
        }
    }

    /** Reads a lifecycle table (CSV: from,to,roles,evidence,waivable,note,mode,deadline). */
    static final class LifecycleTable {
        private LifecycleTable() {
        }

        static List<Transition> read(Path kindFile, Path csv, Set<String> statuses, Set<String> evidence) {
            if (!Files.isRegularFile(csv)) {
                throw new KindDefinitionException(kindFile, null, "lifecycle table " + csv + " not found");
            }
            List<Transition> out = new ArrayList<>();
            try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
                for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                        .parse(reader)) {
                    int line = (int) r.getRecordNumber() + 1;
                    try {
                        out.add(transition(r, statuses, evidence));
                    } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
                        throw new KindDefinitionException(csv, line, e.getMessage(), e);
                    }
                }
            } catch (IOException | IllegalStateException e) {
                if (e instanceof KindDefinitionException k) {
                    throw k;
                }
                throw new KindDefinitionException(csv, null, e.getMessage(), e);
            }
            if (out.stream().noneMatch(Transition::isCreation)) {
                throw new KindDefinitionException(csv, null, "no row with an empty 'from': no status to start in");
            }
            return out;
        }

        private static Transition transition(CSVRecord r, Set<String> statuses, Set<String> evidence) {
            String from = r.get("from").trim();
            String to = r.get("to").trim();
            for (String s : List.of(from, to)) {
                if (!s.isEmpty() && !statuses.contains(s)) {
                    throw new IllegalArgumentException("status '" + s + "' is not one of the kind's statuses "
                            + statuses);
                }
            }
            Set<Role> roles = java.util.EnumSet.noneOf(Role.class);
            for (String role : split(r.get("roles"))) {
                try {
                    roles.add(Role.valueOf(role));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("unknown role '" + role + "'");
                }
            }
            List<String> ev = split(r.get("evidence"));
            ev.stream().filter(e -> !e.equals(Transition.ANY_EVIDENCE) && !evidence.contains(e)).findFirst()
                    .ifPresent(e -> {
                        throw new IllegalArgumentException("evidence '" + e + "' is not declared under evidence:");
                    });
            return new Transition(from, to, roles, ev, Set.copyOf(split(r.get("waivable"))),
                    "required".equals(r.get("note").trim()), "required".equals(r.get("mode").trim()),
                    Transition.DeadlineRule.parse(r.get("deadline").trim()));
        }

        private static List<String> split(String text) {
            return java.util.Arrays.stream(text.split("\\|")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }
    }
}
