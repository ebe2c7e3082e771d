package org.wufei.gis.export;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.function.UnaryOperator;
import org.locationtech.jts.geom.Geometry;

/**
 * One export file being written: features are added one at a time, then {@link #finish} completes the file on the
 * output stream. Each format is one subclass.
 */
abstract class FeatureFileWriter implements FeatureSink {
    protected final ExportLayer layer;
    protected final OutputStream out;
    /** CRS84 geometry to the layer's output CRS (east first), for formats that honour {@code crs}. */
    protected final UnaryOperator<Geometry> toOutputCrs;

    FeatureFileWriter(ExportLayer layer, OutputStream out, UnaryOperator<Geometry> toOutputCrs) {
        this.layer = layer;
        this.out = out;
        this.toOutputCrs = toOutputCrs;
    }

    /** Writes whatever the format needs after the last feature; does not close {@code out}. */
    abstract void finish() throws IOException;

    /** Releases temporary files after a failure; by default nothing. */
    void abort() {
    }

    /** Header of a column: its name, or its label when labels are asked. */
    protected String header(ExportField field) {
        return layer.headers() == ExportLayer.Headers.LABELS ? field.label() : field.name();
    }

    /** A value as text: instants in ISO-8601 UTC, numbers without exponent where possible, null as empty. */
    protected static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue())
                    : java.math.BigDecimal.valueOf(d).toPlainString();
        }
        if (value instanceof Instant i) {
            return i.toString();
        }
        return value.toString();
    }
}
