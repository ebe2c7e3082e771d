package org.wufei.gis.imports.read.geojson;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.wufei.gis.imports.read.Attributes;
import org.wufei.gis.imports.read.CrsHint;
import org.wufei.gis.imports.read.FeatureIterator;
import org.wufei.gis.imports.read.FeatureSource;
import org.wufei.gis.imports.read.ImportException;
import org.wufei.gis.imports.read.ReadOptions;
import org.wufei.gis.imports.read.SourceFeature;

/**
 * Streams a GeoJSON FeatureCollection, single Feature or bare geometry, one feature at a time, so memory stays
 * flat however many features the file holds. Plain features are read from the parser's tokens
 * ({@link GeoJsonFeatureTokens}); any other feature is read again from its bytes as a Jackson tree.
 *
 * <p>Opening reads the root's members around the {@code features} array ({@link GeoJsonRoot}); the features are
 * parsed once, when they are handed out. Progress is the share of the file's bytes parsed.
 */
public final class GeoJsonFeatureSource implements FeatureSource {

    // NaN and Infinity must parse so that one bad coordinate is a per-feature error, not a broken stream.
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            // Trees are read from the middle of the stream: what follows a feature is the next feature.
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final Path file;
    private final ReadOptions options;
    private final String layer;
    private final CrsHint crsHint;
    private final String rootType;
    private final long size;
    private final boolean tokens;
    private JsonParser parser;
    private FileChannel channel;

    public GeoJsonFeatureSource(Path file, ReadOptions options) {
        this(file, options, true);
    }

    /** @param tokens whether plain features are read from tokens ({@link GeoJsonFeatureTokens}) or all as trees */
    GeoJsonFeatureSource(Path file, ReadOptions options, boolean tokens) {
        this.file = file;
        this.tokens = tokens;
        this.options = options;
        this.layer = baseName(file);
        GeoJsonRoot root;
        try {
            root = GeoJsonRoot.read(file, MAPPER);
            this.size = Files.size(file);
        } catch (JacksonException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw ImportException.unreadable("GeoJSON", e);
        }
        this.rootType = root.type();
        this.crsHint = root.crsHint();
        if (rootType == null) {
            throw ImportException.keyed(ImportException.FORMAT_UNRECOGNISED, null, "import.geojson_no_type");
        }
    }

    @Override
    public CrsHint crsHint() {
        return crsHint;
    }

    @Override
    public OptionalLong estimatedCount() {
        return "FeatureCollection".equals(rootType) ? OptionalLong.empty() : OptionalLong.of(1);
    }

    @Override
    public OptionalDouble fractionRead() {
        if (parser == null || size == 0) {
            return OptionalDouble.of(0);
        }
        return OptionalDouble.of(Math.min(1, (double) parser.currentLocation().getByteOffset() / size));
    }

    @Override
    public Iterator<SourceFeature> iterator() {
        if (parser != null) {
            throw new IllegalStateException("features can be iterated once");
        }
        parser = MAPPER.createParser(file);
        GeoJsonGeometries geometries = new GeoJsonGeometries(crsHint.epsg() == null ? 0 : crsHint.epsg());
        if (!"FeatureCollection".equals(rootType)) {
            return single(geometries);
        }
        moveToFeatures();
        // Reading a feature again as a tree needs its bytes, so token reading needs byte offsets (UTF-8 input).
        GeoJsonFeatureTokens plain = tokens && parser.currentTokenLocation().getByteOffset() >= 0
                ? new GeoJsonFeatureTokens(geometries.factory(), options.limits(), layer) : null;
        return new FeatureIterator(options.limits()) {
            @Override
            protected SourceFeature readNext(long index) {
                try {
                    if (parser.nextToken() != JsonToken.START_OBJECT) {
                        return null;
                    }
                    if (plain == null) {
                        return toFeature(MAPPER.readTree(parser), index, geometries);
                    }
                    long start = parser.currentTokenLocation().getByteOffset();
                    SourceFeature feature = plain.read(parser, index);
                    if (feature != null) {
                        return feature;
                    }
                    long end = parser.currentTokenLocation().getByteOffset() + 1;
                    return toFeature(MAPPER.readTree(bytes(start, end)), index, geometries);
                } catch (JacksonException e) {
                    throw malformed(e);
                }
            }
        };
    }

    /** A feature's bytes, to read it again as a tree when it is not plain. */
    private byte[] bytes(long start, long end) {
        try {
            if (channel == null) {
                channel = FileChannel.open(file);
            }
            ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(end - start));
            while (buffer.hasRemaining() && channel.read(buffer, start + buffer.position()) >= 0) {
                // read on until the feature is complete
            }
            return buffer.array();
        } catch (IOException e) {
            throw ImportException.unreadable("GeoJSON", e);
        }
    }

    private Iterator<SourceFeature> single(GeoJsonGeometries geometries) {
        JsonNode root = MAPPER.readTree(parser);
        return new FeatureIterator(options.limits()) {
            @Override
            protected SourceFeature readNext(long index) {
                if (index > 1) {
                    return null;
                }
                if ("Feature".equals(rootType)) {
                    return toFeature(root, index, geometries);
                }
                return new SourceFeature(index, geometries.build(root), Map.of(), layer);
            }
        };
    }

    private void moveToFeatures() {
        try {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                if (parser.nextToken() == JsonToken.START_ARRAY && name.equals("features")) {
                    return;
                }
                parser.skipChildren();
            }
        } catch (JacksonException e) {
            throw malformed(e);
        }
    }

    private SourceFeature toFeature(JsonNode feature, long index, GeoJsonGeometries geometries) {
        Attributes attributes = new Attributes(options.limits());
        JsonNode props = feature.path("properties");
        if (props.isObject()) {
            for (Map.Entry<String, JsonNode> e : props.properties()) {
                attributes.put(e.getKey(), value(e.getValue()));
            }
        }
        return new SourceFeature(index, geometries.build(feature.get("geometry")), attributes.toMap(), layer);
    }

    private static Object value(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isString()) {
            return v.stringValue();
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isIntegralNumber()) {
            return v.canConvertToLong() ? (Object) v.longValue() : v.bigIntegerValue();
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        // Nested objects and arrays stay JSON text: attributes are flat in the register.
        return v.toString();
    }

    private static ImportException malformed(JacksonException e) {
        String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
        return ImportException.keyed(ImportException.JSON_MALFORMED, null, "import.json_malformed", where).causedBy(e);
    }

    public static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    @Override
    public void close() {
        if (parser != null) {
            parser.close();
        }
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // read-only; nothing was lost
            }
        }
    }
}
