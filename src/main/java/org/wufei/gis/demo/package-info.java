/**
 * The demo district: deterministic generation of gis-data/ and loading it into an empty database.
 */
@ApplicationModule(allowedDependencies = {"common", "crs", "sites"})
package org.wufei.gis.demo;

import org.springframework.modulith.ApplicationModule;
