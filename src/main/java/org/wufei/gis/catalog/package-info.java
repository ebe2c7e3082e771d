/**
 * The catalog: every map layer described once as a {@link org.wufei.gis.catalog.CollectionSource}, read through
 * {@link org.wufei.gis.catalog.FeatureStore}, written through {@link org.wufei.gis.catalog.FeatureWriter}s that the
 * owning module implements; {@link org.wufei.gis.catalog.LayerChanged} tells every cache that a layer's data
 * changed. Adding a layer means adding a source bean, nothing else.
 */
@ApplicationModule(allowedDependencies = "common")
package org.wufei.gis.catalog;

import org.springframework.modulith.ApplicationModule;
