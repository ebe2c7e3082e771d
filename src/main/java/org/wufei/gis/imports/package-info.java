/**
 * Imports of screening files: upload (imports.upload), job queue, batch lifecycle, format readers
 * (imports.read), and normalising read geometries (imports.normalise). What a batch finds goes to detections.
 */
@ApplicationModule(allowedDependencies = {"catalog", "common", "crs", "detections", "sites", "triage"})
package org.wufei.gis.imports;

import org.springframework.modulith.ApplicationModule;
