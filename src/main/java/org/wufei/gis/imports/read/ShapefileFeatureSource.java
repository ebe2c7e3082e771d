package org.wufei.gis.imports.read;

import org.wufei.gis.common.Texts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import org.h2.value.ValueToObjectConverter;
import org.h2gis.functions.io.dbf.internal.DbaseFileHeader;
import org.h2gis.functions.io.dbf.internal.DbaseFileReader;
import org.h2gis.functions.io.shp.internal.IndexFile;
import org.h2gis.functions.io.shp.internal.ShapefileReader;
import org.locationtech.jts.geom.Geometry;
import org.wufei.gis.imports.read.geojson.GeoJsonFeatureSource;

/**
 * Reads the shapefiles inside a zip (one layer per .shp, subfolders allowed) with H2GIS's SHP/DBF readers,
 * choosing the DBF text encoding and passing the raw .prj on as the CRS hint.
 */
final class ShapefileFeatureSource implements FeatureSource {

    /** Enough of the DBF records to tell UTF-8 from GBK without reading a large file twice. */
    private static final int ENCODING_SAMPLE_BYTES = 4 * 1024 * 1024;

    private final SafeZip.Extracted extracted;
    private final ReadOptions options;
    private final List<Layer> layers = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<AutoCloseable> open = new ArrayList<>();

    private record Layer(String name, Path shp, Path shx, Path dbf, Charset encoding, CrsHint crs, int count) {
    }

    ShapefileFeatureSource(Path zip, ReadOptions options) {
        this.options = options;
        this.extracted = SafeZip.extract(zip, options.limits());
        try {
            findLayers();
        } catch (RuntimeException e) {
            extracted.close();
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
            Charset encoding = encodingOf(layer, parts.get("dbf"), parts.get("cpg"));
            CrsHint crs = parts.containsKey("prj")
                    ? new CrsHint(null, readText(parts.get("prj")).trim(), CrsHint.PRJ) : CrsHint.none();
            layers.add(new Layer(layer, shp, parts.get("shx"), parts.get("dbf"), encoding, crs,
                    dbfRecordCount(parts.get("dbf"), encoding)));
        }
        if (layers.isEmpty()) {
            throw options.layer() == null
                    ? ImportException.keyed(ImportException.LAYER_NOT_FOUND, null, "import.shapefile_none")
                    : ImportException.keyed(ImportException.LAYER_NOT_FOUND, null, "import.shapefile_layer_missing",
                            options.layer());
        }
    }

    /**
     * The .cpg wins, then the caller's choice, then detection. A .cpg that contradicts the bytes (UTF-8 declared
     * but the bytes are not UTF-8, or GBK declared but the bytes are valid non-ASCII UTF-8) is overruled with a
     * warning, because decoding with it would only produce mojibake.
     */
    private Charset encodingOf(String layer, Path dbf, Path cpg) {
        byte[] sample = dbfRecordSample(dbf);
        boolean utf8 = TextEncodings.isValidUtf8(sample, sample.length);
        boolean nonAscii = TextEncodings.hasNonAscii(sample, sample.length);
        Charset declared = cpg == null ? null : TextEncodings.fromCodePage(readText(cpg));
        if (declared != null) {
            if (declared.equals(StandardCharsets.UTF_8) && !utf8) {
                warn(layer, "import.cpg_not_utf8");
                return TextEncodings.GB18030;
            }
            if (TextEncodings.isChinese(declared) && utf8 && nonAscii) {
                warn(layer, "import.cpg_is_utf8");
                return StandardCharsets.UTF_8;
            }
            return declared;
        }
        if (options.encoding() != null) {
            return options.encoding();
        }
        return utf8 ? StandardCharsets.UTF_8 : TextEncodings.GB18030;
    }

    private void warn(String layer, String key) {
        warnings.add(layer + ": " + Texts.zh(key) + " / " + Texts.en(key));
    }

    private static byte[] dbfRecordSample(Path dbf) {
        try (InputStream in = Files.newInputStream(dbf)) {
            byte[] header = in.readNBytes(32);
            int headerLength = header.length >= 10 ? (header[8] & 0xff) | (header[9] & 0xff) << 8 : 0;
            in.skipNBytes(Math.max(0, headerLength - header.length));
            return in.readNBytes(ENCODING_SAMPLE_BYTES);
        } catch (IOException e) {
            throw ImportException.unreadable("dbf", e);
        }
    }

    private static int dbfRecordCount(Path dbf, Charset encoding) {
        try (FileChannel ch = FileChannel.open(dbf)) {
            DbaseFileHeader header = new DbaseFileHeader();
            header.readHeader(ch, encoding.name());
            return header.getNumRecords();
        } catch (IOException e) {
            throw ImportException.unreadable("dbf header", e);
        }
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

    /** Reads one shapefile's records in step: the .shx gives each geometry's offset, the .dbf its attributes. */
    private final class LayerCursor {
        private final Layer layer;
        private final IndexFile shx;
        private final ShapefileReader shp;
        private final DbaseFileReader dbf;
        private final int records;
        private int row;

        LayerCursor(Layer layer) {
            this.layer = layer;
            try {
                FileChannel shxChannel = FileChannel.open(layer.shx());
                FileChannel shpChannel = FileChannel.open(layer.shp());
                FileChannel dbfChannel = FileChannel.open(layer.dbf());
                open.addAll(List.of(shxChannel, shpChannel, dbfChannel));
                this.shx = new IndexFile(shxChannel);
                this.shp = new ShapefileReader(shpChannel);
                this.dbf = new DbaseFileReader(dbfChannel, layer.encoding().name());
                this.records = Math.min(shx.getRecordCount(), dbf.getRecordCount());
            } catch (IOException e) {
                throw ImportException.unreadable("shapefile " + layer.name(), e);
            }
        }

        boolean hasMore() {
            return row < records;
        }

        SourceFeature read() {
            int r = row++;
            try {
                Geometry geometry = shp.geomAt(shx.getOffset(r));
                Attributes attributes = new Attributes(options.limits());
                DbaseFileHeader header = dbf.getHeader();
                for (int c = 0; c < dbf.getFieldCount(); c++) {
                    attributes.put(header.getFieldName(c),
                            ValueToObjectConverter.valueToDefaultObject(dbf.getFieldValue(r, c), null, false));
                }
                if (geometry != null) {
                    geometry.setSRID(0);
                }
                return new SourceFeature(r + 1L, geometry, attributes.toMap(), layer.name());
            } catch (ImportException e) {
                throw e.atFeature(r + 1L);
            } catch (IOException | RuntimeException e) {
                // Numbered within its layer, like the features themselves.
                throw ImportException.keyed(ImportException.GEOMETRY_INVALID, layer.name(), "import.record_unreadable",
                        e.getMessage()).causedBy(e).atFeature(r + 1L);
            }
        }
    }

    @Override
    public void close() {
        for (AutoCloseable c : open) {
            try {
                c.close();
            } catch (Exception ignored) {
                // Closing a read-only channel cannot lose data.
            }
        }
        extracted.close();
    }
}
