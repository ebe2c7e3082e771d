/**
 * The catalog: every map layer described once as a {@link org.wufei.gis.catalog.CollectionSource}, read through
 * {@link org.wufei.gis.catalog.FeatureStore}. Adding a layer means adding a source bean, nothing else.
 */
package org.wufei.gis.catalog;
