package org.wufei.gis.sites;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.wufei.gis.common.Role;

/** The lifecycle tables of all kinds, read from classpath:lifecycles/{kind}.csv. */
public final class Lifecycles {
    private final Map<SiteKind, Lifecycle> byKind;

    private Lifecycles(Map<SiteKind, Lifecycle> byKind) {
        this.byKind = byKind;
    }

    public static Lifecycles load() {
        Map<SiteKind, Lifecycle> map = new EnumMap<>(SiteKind.class);
        for (SiteKind kind : SiteKind.values()) {
            map.put(kind, new Lifecycle(kind, read(kind)));
        }
        return new Lifecycles(map);
    }

    public Lifecycle of(SiteKind kind) {
        return byKind.get(kind);
    }

    private static List<Transition> read(SiteKind kind) {
        String resource = "/lifecycles/" + kind.id() + ".csv";
        try (InputStream in = Lifecycles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing lifecycle table " + resource);
            }
            Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
            List<Transition> out = new ArrayList<>();
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                out.add(new Transition(
                        r.get("from").trim(),
                        r.get("to").trim(),
                        roles(r.get("roles")),
                        split(r.get("evidence")),
                        Set.copyOf(split(r.get("waivable"))),
                        "required".equals(r.get("note").trim()),
                        "required".equals(r.get("mode").trim()),
                        Transition.DeadlineRule.parse(r.get("deadline").trim())));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<Role> roles(String text) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        split(text).forEach(r -> roles.add(Role.valueOf(r)));
        return roles;
    }

    private static List<String> split(String text) {
        return Arrays.stream(text.split("\\|")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toList());
    }
}
