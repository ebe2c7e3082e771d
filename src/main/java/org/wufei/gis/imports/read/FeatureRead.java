package org.wufei.gis.imports.read;

import java.util.Iterator;

/**
 * One step of reading a source: the next feature, or the refusal of that one feature (a row that cannot be read, with
 * its index), which the caller reports and reads on past. An error of the whole file is thrown, not returned.
 */
public record FeatureRead(SourceFeature feature, ImportException refusal) {

    /** The next feature of {@code it} (which has one), or its refusal; rethrows an error without a feature index. */
    public static FeatureRead next(Iterator<SourceFeature> it) {
        try {
            return new FeatureRead(it.next(), null);
        } catch (ImportException e) {
            if (e.featureIndex().isEmpty()) {
                throw e;
            }
            return new FeatureRead(null, e);
        }
    }
}
