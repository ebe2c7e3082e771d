/**
 * Detections: the collection of imported remote-sensing and field results, its queries, the bulk writer behind
 * {@link org.wufei.gis.detections.DetectionWriter}, and the verification queue that promotes a detection to a
 * suspected waste heap. Imports write here; this module never depends on imports (it asks through
 * {@link org.wufei.gis.detections.ImportedBatches}).
 */
@ApplicationModule(allowedDependencies = {"catalog", "common", "sites", "triage"})
package org.wufei.gis.detections;

import org.springframework.modulith.ApplicationModule;
