/**
 * The map page's server side: UI configuration, offered services, reference layers for the page.
 */
@ApplicationModule(allowedDependencies = {"catalog", "common", "sites"})
package org.wufei.gis.web;

import org.springframework.modulith.ApplicationModule;
