package org.wufei.gis.imports.read;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * An open upload handing out its features one at a time, so large files are never held in memory whole.
 *
 * <p>The iterator may be taken once. {@code next()} throws {@link ImportException} for a feature that cannot be
 * read (for instance NaN coordinates); the exception carries {@link ImportException#featureIndex()} and the
 * iterator stays usable, so a caller can record the error and go on with the next feature.
 */
public interface FeatureSource extends AutoCloseable {

    /** What the file declares about its CRS (for several layers: the first layer's; see {@link #crsHint(String)}). */
    CrsHint crsHint();

    /** The CRS hint of one layer; formats with a single CRS per file return {@link #crsHint()}. */
    default CrsHint crsHint(String layer) {
        return crsHint();
    }

    /** Feature count when the format tells it cheaply (DBF header, GPKG count), else empty; never counted by reading. */
    OptionalLong estimatedCount();

    /** How much of the input the iterator has read (0..1), for formats that tell it without a count (bytes parsed). */
    default OptionalDouble fractionRead() {
        return OptionalDouble.empty();
    }

    /** The features in file order, layer after layer. */
    Iterator<SourceFeature> iterator();

    default Stream<SourceFeature> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
    }

    /** Non-fatal observations made while reading (e.g. a .cpg that did not match the bytes), zh-CN / English. */
    default List<String> warnings() {
        return List.of();
    }

    /**
     * Files that came with the features (a KMZ's images) by the name the features' attributes use; readable until
     * {@link #close()}.
     */
    default Map<String, Path> media() {
        return Map.of();
    }

    /** Releases files and temporary directories; never throws a checked exception. */
    @Override
    void close();
}
