/**
 * Coordinate reference systems: the EPSG registry (proj4j), .prj matching, GCJ-02 and BD-09 offsets, metric CRS.
 * Depends on nothing else in the project.
 */
@ApplicationModule(allowedDependencies = {})
package org.wufei.gis.crs;

import org.springframework.modulith.ApplicationModule;
