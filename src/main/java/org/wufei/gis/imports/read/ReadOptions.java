package org.wufei.gis.imports.read;

import java.nio.charset.Charset;

/**
 * How the caller wants an upload read.
 *
 * @param encoding attribute text encoding when the file does not declare one; null to detect (UTF-8, else GB18030)
 * @param layer    the one layer to read (GPKG table, sheet, shapefile name); null for all feature tables / the first sheet
 * @param limits   size ceilings; null means {@link ImportLimits#defaults()}
 */
public record ReadOptions(Charset encoding, String layer, ImportLimits limits) {

    public ReadOptions {
        if (limits == null) {
            limits = ImportLimits.defaults();
        }
    }

    public static ReadOptions defaults() {
        return new ReadOptions(null, null, ImportLimits.defaults());
    }
}
