/**
 * The demo district: deterministic generation of gis-data/ and loading it into an empty database, with a
 * sample screening round submitted through the imports.
 */
@ApplicationModule(allowedDependencies = {"common", "crs", "imports", "sites"})
package org.wufei.gis.demo;

import org.springframework.modulith.ApplicationModule;
