/**
 * Users, roles, the authentication cache and the HTTP security rules.
 */
@ApplicationModule(allowedDependencies = {"common", "common :: http", "export", "sites"})
package org.wufei.gis.security;

import org.springframework.modulith.ApplicationModule;
