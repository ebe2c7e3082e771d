/** The common configuration: the data source (H2GIS or PostGIS) and the district read from its file. */
package org.wufei.gis.common.config;
