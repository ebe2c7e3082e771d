package org.wufei.gis.imports.read;

import org.wufei.gis.common.Texts;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import org.locationtech.jts.geom.Geometry;
import org.wufei.gis.imports.read.geojson.GeoJsonFeatureSource;

/**
 * Reads the shapefiles inside a zip (one layer per .shp, subfolders allowed) through H2GIS's public table engine
 * ({@code SHPEngine}: the .shp/.shx/.dbf linked as a table of a private in-memory H2 database, read row by row
 * with lazy query execution, nothing copied), choosing the DBF text encoding and passing the raw .prj on as the CRS
 * hint.
 */
final class ShapefileFeatureSource implements FeatureSource {

    private final SafeZip.Extracted extracted;
    private final ReadOptions options;
    private final List<Layer> layers = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<AutoCloseable> open = new ArrayList<>();
    /** The private in-memory database the layers are linked into; closed with the source. */
    private final Connection linked;

    private record Layer(String name, String table, Charset encoding, CrsHint crs, long count) {
    }

    ShapefileFeatureSource(Path zip, ReadOptions options) {
        this.options = options;
        this.extracted = SafeZip.extract(zip, options.limits());
        try {
            this.linked = DriverManager.getConnection("jdbc:h2:mem:;LAZY_QUERY_EXECUTION=TRUE");
        } catch (SQLException e) {
            extracted.close();
            throw ImportException.unreadable("shapefile", e);
        }
        open.add(linked);
        try {
            findLayers();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private void findLayers() {
        Map<String, Map<String, Path>> byBase = new LinkedHashMap<>();
        for (Path f : extracted.files()) {
            String name = f.getFileName().toString();
            int dot = name.lastIndexOf('.');
            if (dot <= 0) {
                continue;
            }
            String base = f.getParent().resolve(name.substring(0, dot)).toString();
            byBase.computeIfAbsent(base, b -> new LinkedHashMap<>())
                    .put(name.substring(dot + 1).toLowerCase(Locale.ROOT), f);
        }
        for (Map<String, Path> parts : byBase.values()) {
            Path shp = parts.get("shp");
            if (shp == null) {
                continue;
            }
            String layer = GeoJsonFeatureSource.baseName(shp);
            if (options.layer() != null && !options.layer().equals(layer)) {
                continue;
            }
            for (String required : List.of("shx", "dbf")) {
                if (!parts.containsKey(required)) {
                    throw ImportException.keyed(ImportException.SHAPEFILE_INCOMPLETE, layer + "." + required,
                            "import.shapefile_incomplete", layer, required);
                }
            }
            Charset encoding = DbfEncoding.of(parts.get("dbf"), parts.get("cpg") == null ? null : readText(parts.get("cpg")),
                    options.encoding(), key -> warnings.add(layer + ": " + Texts.zh(key) + " / " + Texts.en(key)));
            CrsHint crs = parts.containsKey("prj")
                    ? new CrsHint(null, readText(parts.get("prj")).trim(), CrsHint.PRJ) : CrsHint.none();
            hide(parts.get("prj")); // the CRS is matched here (crs module); the engine would refuse a .prj it cannot parse
            String table = link(layer, shp, encoding);
            layers.add(new Layer(layer, table, encoding, crs, count(layer, table)));
        }
        if (layers.isEmpty()) {
            throw options.layer() == null
                    ? ImportException.keyed(ImportException.LAYER_NOT_FOUND, null, "import.shapefile_none")
                    : ImportException.keyed(ImportException.LAYER_NOT_FOUND, null, "import.shapefile_layer_missing",
                            options.layer());
        }
    }

    /** Links a layer's files as a table (the engine reads the .shx and .dbf beside the .shp). */
    private String link(String layer, Path shp, Charset encoding) {
        String table = "L" + layers.size();
        try (Statement st = linked.createStatement()) {
            st.execute("CREATE TABLE " + table + " ENGINE \"org.h2gis.functions.io.shp.SHPEngine\" WITH "
                    + quoted(shp.toString()) + ", " + quoted(encoding.name()));
            return table;
        } catch (SQLException e) {
            throw ImportException.unreadable("shapefile " + layer, e);
        }
    }

    private static void hide(Path prj) {
        if (prj != null) {
            try {
                Files.move(prj, prj.resolveSibling(prj.getFileName() + ".read"));
            } catch (IOException e) {
                throw ImportException.unreadable(prj.getFileName().toString(), e);
            }
        }
    }

    private long count(String layer, String table) {
        try (Statement st = linked.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw ImportException.unreadable("dbf header " + layer, e);
        }
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static String readText(Path p) {
        try {
            return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw ImportException.unreadable(p.getFileName().toString(), e);
        }
    }

    @Override
    public CrsHint crsHint() {
        return layers.get(0).crs();
    }

    @Override
    public CrsHint crsHint(String layer) {
        return layers.stream().filter(l -> l.name().equals(layer)).map(Layer::crs).findFirst().orElse(crsHint());
    }

    @Override
    public OptionalLong estimatedCount() {
        return OptionalLong.of(layers.stream().mapToLong(Layer::count).sum());
    }

    @Override
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    @Override
    public Iterator<SourceFeature> iterator() {
        Iterator<Layer> remaining = layers.iterator();
        return new FeatureIterator(options.limits()) {
            private LayerCursor cursor;

            @Override
            protected SourceFeature readNext(long index) {
                while (cursor == null || !cursor.hasMore()) {
                    if (!remaining.hasNext()) {
                        return null;
                    }
                    cursor = new LayerCursor(remaining.next());
                }
                return cursor.read();
            }
        };
    }

    /**
     * Reads one linked shapefile's rows in file order. The engine's first column is the record number, then the
     * geometry and the DBF fields (it renames a field that would clash with either).
     */
    private final class LayerCursor {
        private final Layer layer;
        private final ResultSet rows;
        private final int geometryColumn;
        private final String[] names;
        private boolean fetched;
        private boolean more;
        private long row;

        LayerCursor(Layer layer) {
            this.layer = layer;
            try {
                Statement st = linked.createStatement();
                open.add(st);
                this.rows = st.executeQuery("SELECT * FROM " + layer.table());
                ResultSetMetaData md = rows.getMetaData();
                names = new String[md.getColumnCount() + 1];
                int geom = -1;
                for (int c = 2; c <= md.getColumnCount(); c++) {
                    names[c] = md.getColumnName(c);
                    if (geom < 0 && md.getColumnTypeName(c).startsWith("GEOMETRY")) {
                        geom = c;
                    }
                }
                this.geometryColumn = geom;
            } catch (SQLException e) {
                throw ImportException.unreadable("shapefile " + layer.name(), e);
            }
        }

        boolean hasMore() {
            if (!fetched) {
                fetched = true;
                row++;
                try {
                    more = rows.next();
                } catch (SQLException | RuntimeException e) {
                    throw unreadable(e, row);
                }
            }
            return more;
        }

        SourceFeature read() {
            long r = row;
            try {
                Geometry geometry = geometryColumn > 0 ? (Geometry) rows.getObject(geometryColumn) : null;
                Attributes attributes = new Attributes(options.limits());
                for (int c = 2; c < names.length; c++) {
                    if (c != geometryColumn) {
                        attributes.put(names[c], rows.getObject(c));
                    }
                }
                if (geometry != null) {
                    geometry.setSRID(0);
                }
                fetched = false;
                return new SourceFeature(r, geometry, attributes.toMap(), layer.name());
            } catch (ImportException e) {
                throw e.atFeature(r);
            } catch (SQLException | RuntimeException e) {
                throw unreadable(e, r);
            }
        }

        // Numbered within its layer, like the features themselves.
        private ImportException unreadable(Exception e, long r) {
            return ImportException.keyed(ImportException.GEOMETRY_INVALID, layer.name(), "import.record_unreadable",
                    e.getMessage()).causedBy(e).atFeature(r);
        }
    }

    @Override
    public void close() {
        for (int i = open.size() - 1; i >= 0; i--) { // statements, then the database they read
            try {
                open.get(i).close();
            } catch (Exception ignored) {
                // closing a read-only link loses no data
            }
        }
        extracted.close();
    }
}
