package org.wufei.gis.export;

import java.io.IOException;
import org.wufei.gis.catalog.FeatureRow;

/**
 * Where a producer hands features one at a time; each is written (or spooled, for GeoPackage) before the next is
 * asked for, so nothing collects the whole result. Geometries are in CRS84 (lon/lat), as the catalog stores them.
 */
@FunctionalInterface
public interface FeatureSink {
    void add(FeatureRow feature) throws IOException;
}
