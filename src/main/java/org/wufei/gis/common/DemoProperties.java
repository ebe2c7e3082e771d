package org.wufei.gis.common;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The embedded demo: whether to load gis-data/ and create one user per role with this password. */
@ConfigurationProperties("gis.demo")
public record DemoProperties(boolean enabled, String password, String dataDir) {
}
