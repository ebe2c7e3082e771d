package org.wufei.gis.imports;

import java.time.LocalDate;

/**
 * An upload's parameters, parsed and checked once.
 *
 * @param fileName the name the client gave the file (shown, never used to decide the format)
 * @param source   satellite, drone, inspection or manual
 * @param crs      the uploader's CRS (EPSG code, CRS84, gcj02, bd09), or null to detect
 * @param acquired acquisition date for features that carry none
 * @param encoding attribute encoding when the file declares none (GBK, UTF-8, ...), or null to detect
 * @param layer    the one layer to read (GPKG table, sheet, shapefile), or null for all
 * @param strict   refuse the whole file if any feature is refused
 */
record ImportRequest(String fileName, String source, String crs, LocalDate acquired, String encoding, String layer,
        boolean strict) {
}
