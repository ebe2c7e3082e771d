package org.wufei.gis.export;

import java.io.IOException;

/**
 * Pushes features into a sink: a JDBC cursor, a process result's iterator, a list. Called once, on the thread
 * that writes the response; it returns when every feature has been added.
 */
@FunctionalInterface
public interface FeatureProducer {
    void produce(FeatureSink sink) throws IOException;

    /** A producer over an iterable (a process result, a list). */
    static FeatureProducer of(Iterable<org.wufei.gis.catalog.FeatureRow> features) {
        return sink -> {
            for (org.wufei.gis.catalog.FeatureRow f : features) {
                sink.add(f);
            }
        };
    }
}
