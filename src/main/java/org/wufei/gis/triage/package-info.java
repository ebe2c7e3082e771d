/**
 * Triage: matching a detection to the known sites around it and to the batch's other detections (new, known,
 * changed, duplicate), with the geometry shortcuts it needs.
 */
@ApplicationModule(allowedDependencies = {"common", "crs"})
package org.wufei.gis.triage;

import org.springframework.modulith.ApplicationModule;
