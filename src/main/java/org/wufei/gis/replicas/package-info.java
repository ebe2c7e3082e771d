/**
 * Several replicas on one PostGIS database: what one replica changes reaches the caches of the others through the
 * database (PostgreSQL LISTEN/NOTIFY), never through a cluster of our own. On H2GIS (one process) it does nothing.
 */
@ApplicationModule(allowedDependencies = {"catalog", "common"})
package org.wufei.gis.replicas;

import org.springframework.modulith.ApplicationModule;
