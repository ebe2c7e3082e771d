/**
 * Imports of screening files: upload (read with common.multipart), job queue, batch lifecycle, format readers
 * (imports.read), and normalising read geometries (imports.normalise). What a batch finds goes to detections.
 */
@ApplicationModule(allowedDependencies = {"catalog", "common", "common :: http", "common :: multipart", "crs",
        "detections", "sites", "triage"})
package org.wufei.gis.imports;

import org.springframework.modulith.ApplicationModule;
