/**
 * Backup and restore: every table of the register (sites, attributes, history, inspections, detections, import
 * batches, reference layers, users' tokens and the audit trail, whatever the migrations created) and the inspection
 * photos, in one zip file; restored into an empty database of either kind (H2GIS or PostGIS). docs/operations.md.
 */
@ApplicationModule(allowedDependencies = {"common"})
package org.wufei.gis.backup;

import org.springframework.modulith.ApplicationModule;
