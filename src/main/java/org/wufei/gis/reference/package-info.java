/**
 * Reference layers (townships, rivers, villages, sensitive areas, roads): loaded from the district's files, replaced
 * by ADMIN uploads read through the imports module's readers, each load a version with its provenance.
 */
@ApplicationModule(allowedDependencies = {"catalog", "common", "common :: multipart", "crs", "imports :: read", "imports :: normalise"})
package org.wufei.gis.reference;

import org.springframework.modulith.ApplicationModule;
