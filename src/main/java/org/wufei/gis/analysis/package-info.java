/**
 * Planning analysis: processes over the register and the reference layers (distances, nearest sites, summaries,
 * overdue lists, river screening), run synchronously or as jobs. The OGC API - Processes layer in
 * {@code ogc.processes} serves them; exports read a {@link org.wufei.gis.analysis.ProcessResult}.
 */
@ApplicationModule(allowedDependencies = {"catalog", "common", "crs", "sites"})
package org.wufei.gis.analysis;

import org.springframework.modulith.ApplicationModule;
