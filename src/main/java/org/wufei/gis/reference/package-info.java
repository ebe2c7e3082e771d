/**
 * Reference layers (townships, rivers, roads) loaded from the district's files.
 */
@ApplicationModule(allowedDependencies = {"common", "crs"})
package org.wufei.gis.reference;

import org.springframework.modulith.ApplicationModule;
