package org.wufei.gis.backup;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The tables a backup holds, read from the database's own catalogue: the schema's base tables (a partitioned table
 * once, not its partitions), without Flyway's history, the spatial extension's own tables and the indicators' ledger
 * (derived from the status history, caught up again by the service after a restore), ordered so that a
 * table comes after every table its foreign keys point at.
 */
final class Tables {
    private static final Set<String> SKIP = Set.of("flyway_schema_history", "spatial_ref_sys", "geometry_columns",
            "geography_columns", "raster_columns", "raster_overviews");
    /** Tables derived from the others and rebuilt by the service (the indicators' ledger): not backed up. */
    private static final String DERIVED_PREFIX = "indicator_";

    private Tables() {
    }

    /** Table name (lower case) → its columns (lower case name → SQL type name, lower case), in insert order. */
    static Map<String, Map<String, String>> of(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        String schema = c.getSchema();
        Set<String> partitions = partitions(c);
        Map<String, Map<String, String>> columns = new LinkedHashMap<>();
        try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE", "BASE TABLE",
            "PARTITIONED TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                String lower = name.toLowerCase(Locale.ROOT);
                if (!SKIP.contains(lower) && !lower.startsWith(DERIVED_PREFIX) && !partitions.contains(lower)) {
                    columns.put(lower, columns(meta, schema, name));
                }
            }
        }
        return ordered(meta, schema, columns);
    }

    private static Map<String, String> columns(DatabaseMetaData meta, String schema, String table)
            throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (ResultSet rs = meta.getColumns(null, schema, table, "%")) {
            while (rs.next()) {
                out.put(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT),
                        rs.getString("TYPE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    private static Set<String> partitions(Connection c) throws SQLException {
        Set<String> out = new LinkedHashSet<>();
        if (!c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")) {
            return out;
        }
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT relname FROM pg_class WHERE relispartition")) {
            while (rs.next()) {
                out.add(rs.getString(1).toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    private static Map<String, Map<String, String>> ordered(DatabaseMetaData meta, String schema,
            Map<String, Map<String, String>> tables) throws SQLException {
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        for (String table : tables.keySet()) {
            Set<String> refs = new LinkedHashSet<>();
            for (String name : List.of(table, table.toUpperCase(Locale.ROOT))) {
                try (ResultSet rs = meta.getImportedKeys(null, schema, name)) {
                    while (rs.next()) {
                        String parent = rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
                        if (!parent.equals(table) && tables.containsKey(parent)) {
                            refs.add(parent);
                        }
                    }
                }
            }
            parents.put(table, refs);
        }
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        List<String> pending = new ArrayList<>(tables.keySet());
        while (!pending.isEmpty()) {
            String next = pending.stream().filter(t -> out.keySet().containsAll(parents.get(t))).findFirst()
                    .orElse(pending.get(0)); // a cycle: keep the catalogue's order
            out.put(next, tables.get(next));
            pending.remove(next);
        }
        return out;
    }
}
