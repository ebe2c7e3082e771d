package org.wufei.gis.common;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded demo: whether to load gis-data/ and create one user per role with this password; whether the
 * demo sites are loaded after the service is ready (background, the default) or before it starts serving.
 */
@ConfigurationProperties("gis.demo")
public record DemoProperties(boolean enabled, String password, String dataDir,
        @DefaultValue("true") boolean background) {
}
