package org.wufei.gis.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The expected permissions as data: src/test/resources/security/permissions.csv, one row per endpoint (method and
 * path, with {@code {collectionId}} filled as {@code waste_heaps} for every site or reference layer and as
 * {@code detections}) and public-read setting, giving for the anonymous reader and each demo role {@code ok} (got
 * past security: anything but 401/403, never 500), {@code 401} or {@code 403}. docs/security.md's table is
 * rendered from it ({@link #markdown()}).
 */
record PermissionTable(List<String> identities, Map<Key, List<String>> rows) {
    static final String RESOURCE = "/security/permissions.csv";

    record Key(String method, String path, boolean publicRead) {
        String csv(List<String> outcomes) {
            return method + "," + path + "," + (publicRead ? "on" : "off") + "," + String.join(",", outcomes);
        }
    }

    static PermissionTable load() throws IOException {
        try (InputStream in = PermissionTable.class.getResourceAsStream(RESOURCE)) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
            String[] header = lines.get(0).split(",");
            List<String> identities = List.of(header).subList(3, header.length);
            Map<Key, List<String>> rows = new LinkedHashMap<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",");
                if (f.length != header.length) {
                    throw new IllegalStateException(RESOURCE + ": wrong number of fields in " + line);
                }
                Key key = new Key(f[0], f[1], f[2].equals("on"));
                if (rows.put(key, List.of(f).subList(3, f.length)) != null) {
                    throw new IllegalStateException(RESOURCE + ": row twice: " + line);
                }
            }
            return new PermissionTable(identities, rows);
        }
    }

    /** The Markdown table of docs/security.md: one line per endpoint, "on / off" where public read matters. */
    String markdown() {
        StringBuilder md = new StringBuilder("| method | path |");
        identities.forEach(i -> md.append(' ').append(i.equals("anonymous") ? "anonymous" : i.toUpperCase())
                .append(" |"));
        md.append('\n').append("| --- ".repeat(identities.size() + 2)).append("|\n");
        Map<String, List<String>> seen = new LinkedHashMap<>();
        for (Key key : rows.keySet()) {
            String endpoint = key.method() + " " + key.path();
            if (seen.containsKey(endpoint)) {
                continue;
            }
            List<String> on = rows.get(new Key(key.method(), key.path(), true));
            List<String> off = rows.get(new Key(key.method(), key.path(), false));
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < identities.size(); i++) {
                cells.add(cell(on == null ? null : on.get(i), off == null ? null : off.get(i)));
            }
            seen.put(endpoint, cells);
            md.append("| ").append(key.method()).append(" | `").append(key.path()).append("` | ")
                    .append(String.join(" | ", cells)).append(" |\n");
        }
        return md.toString();
    }

    private static String cell(String on, String off) {
        if (on != null && on.equals(off)) {
            return symbol(on);
        }
        return (on == null ? "–" : symbol(on)) + " / " + (off == null ? "–" : symbol(off));
    }

    private static String symbol(String outcome) {
        return outcome.equals("ok") ? "✓" : outcome;
    }
}
