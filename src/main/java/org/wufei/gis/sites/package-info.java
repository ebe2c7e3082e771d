/**
 * The site register: sites of every kind, their lifecycles, status history and the site collections; it
 * implements the catalog's read ({@code CollectionSource}) and write ({@code FeatureWriter}) ports. The model
 * throws {@link org.wufei.gis.common.DomainException}s and knows no HTTP.
 */
@ApplicationModule(allowedDependencies = {"catalog", "common", "common :: http", "crs"})
package org.wufei.gis.sites;

import org.springframework.modulith.ApplicationModule;
