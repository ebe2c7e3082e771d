/**
 * Imports of screening files: upload, job queue, batch lifecycle, format readers (imports.read), the
 * detections collection, triage and promotion.
 */
@ApplicationModule(allowedDependencies = {"catalog", "common", "crs", "sites"})
package org.wufei.gis.imports;

import org.springframework.modulith.ApplicationModule;
