/**
 * Users, roles, the authentication cache and the HTTP security rules.
 */
@ApplicationModule(allowedDependencies = {"common", "export", "sites"})
package org.wufei.gis.security;

import org.springframework.modulith.ApplicationModule;
