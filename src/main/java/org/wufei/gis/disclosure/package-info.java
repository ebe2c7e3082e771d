/**
 * Public disclosure (信息公开, plan task 18): the sites signed off in a period with a before/after summary, and the
 * open list by township. Reads the register's tables directly; shows only what {@code gis.public} makes public.
 */
@ApplicationModule(allowedDependencies = {"common"})
package org.wufei.gis.disclosure;

import org.springframework.modulith.ApplicationModule;
