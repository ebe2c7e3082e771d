/**
 * Shared kernel: the district, actors and roles, labels and locales, domain refusals ({@link
 * org.wufei.gis.common.DomainException}) and their one mapping to problem+json at the edge.
 */
@ApplicationModule(allowedDependencies = {"crs"})
package org.wufei.gis.common;

import org.springframework.modulith.ApplicationModule;
