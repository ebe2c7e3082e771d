/**
 * OGC API - Tiles: tile matrix sets, MVT encoding, the tile cache and its eviction on the catalog's
 * {@code LayerChanged}.
 */
@ApplicationModule(allowedDependencies = {"catalog", "common", "common :: http", "ogc"})
package org.wufei.gis.tiles;

import org.springframework.modulith.ApplicationModule;
