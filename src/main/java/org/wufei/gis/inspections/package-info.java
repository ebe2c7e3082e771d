/**
 * Field inspections of a site: the form, checked photos and the transition they may trigger.
 */
@ApplicationModule(allowedDependencies = {"common", "common :: multipart", "crs", "sites"})
package org.wufei.gis.inspections;

import org.springframework.modulith.ApplicationModule;
