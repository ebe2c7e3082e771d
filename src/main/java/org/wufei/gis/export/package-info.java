/**
 * Exports: features of any collection or process result written, as they are read, as GeoPackage, GeoJSON, CSV
 * (UTF-8 with BOM or GBK), XLSX or KML through {@link org.wufei.gis.export.FeatureStreamWriter}, and the bureau's
 * waste-heap register as XLSX. See docs/exports.md.
 */
@ApplicationModule(allowedDependencies = {"catalog", "common", "crs"})
package org.wufei.gis.export;

import org.springframework.modulith.ApplicationModule;
