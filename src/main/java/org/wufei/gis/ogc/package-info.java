/**
 * OGC API - Features Parts 1-4 and the shared OGC plumbing (links, conformance, OpenAPI). Reads and writes
 * collections only through the catalog's ports, never a module's entities.
 */
@ApplicationModule(allowedDependencies = {"analysis", "catalog", "common", "common :: http", "crs", "export"})
package org.wufei.gis.ogc;

import org.springframework.modulith.ApplicationModule;
