/**
 * Turning read geometries into stored ones: the CRS an upload is in, the district check, flattening and repair.
 * Reference layer uploads use the same CRS decision and district check.
 */
@NamedInterface("normalise")
package org.wufei.gis.imports.normalise;

import org.springframework.modulith.NamedInterface;
