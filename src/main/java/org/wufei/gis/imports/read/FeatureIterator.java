package org.wufei.gis.imports.read;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Shared iteration for every reader: numbering, the feature ceiling, and turning a per-feature read error into
 * an exception from {@code next()} without ending the iteration.
 */
public abstract class FeatureIterator implements Iterator<SourceFeature> {

    private final ImportLimits limits;
    private long read;
    private SourceFeature pending;
    private ImportException pendingError;
    private boolean done;

    public FeatureIterator(ImportLimits limits) {
        this.limits = limits;
    }

    /** The next feature, numbered {@code index}, or null at the end. May throw for this one feature. */
    protected abstract SourceFeature readNext(long index);

    @Override
    public final boolean hasNext() {
        if (pending != null || pendingError != null) {
            return true;
        }
        if (done) {
            return false;
        }
        long index = read + 1;
        try {
            pending = readNext(index);
        } catch (ImportException e) {
            if (e.featureIndex().isEmpty() && !isPerFeature(e)) {
                done = true;
                throw e;
            }
            pendingError = e.featureIndex().isPresent() ? e : e.atFeature(index);
        }
        if (pending == null && pendingError == null) {
            done = true;
            return false;
        }
        read = index;
        if (read > limits.maxFeatures()) {
            done = true;
            pending = null;
            pendingError = null;
            throw ImportException.keyed(ImportException.TOO_MANY_FEATURES, null, "import.too_many_features",
                    limits.maxFeatures());
        }
        return true;
    }

    @Override
    public final SourceFeature next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        if (pendingError != null) {
            ImportException e = pendingError;
            pendingError = null;
            throw e;
        }
        SourceFeature f = pending;
        pending = null;
        return f;
    }

    private static boolean isPerFeature(ImportException e) {
        return switch (e.code()) {
            case ImportException.COORDINATE_NOT_NUMBER, ImportException.GEOMETRY_INVALID,
                 ImportException.ATTRIBUTE_TOO_LONG -> true;
            default -> false;
        };
    }
}
