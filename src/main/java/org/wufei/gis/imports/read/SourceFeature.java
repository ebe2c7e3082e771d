package org.wufei.gis.imports.read;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * One feature as it was read from an upload, before CRS normalisation and validation.
 *
 * @param index      1-based position in its layer, for error reports ("feature 12")
 * @param geometry   JTS geometry with the declared SRID, or SRID 0 when unknown; null when the row has none
 * @param attributes original attribute names in file order; values typed where the format types them
 * @param layer      the layer (shapefile, GPKG table, sheet, file) the feature came from
 */
public record SourceFeature(long index, Geometry geometry, Map<String, Object> attributes, String layer) {
}
