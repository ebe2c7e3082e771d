package org.wufei.gis.sites;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans of the sites feature that are not components. */
@Configuration(proxyBeanMethods = false)
class SitesConfiguration {

    /** The kind definitions; a bad file refuses the start (see docs/kinds.md). */
    @Bean
    KindRegistry kindRegistry(@Value("${gis.kinds.dir:" + KindRegistry.DEFAULT_DIR + "}") String dir,
            @Value("${gis.kinds.extra-dir:}") String extraDir) {
        return KindRegistry.load(extraDir.isBlank() ? List.of(Path.of(dir)) : List.of(Path.of(dir), Path.of(extraDir)));
    }

    @Bean
    Lifecycles lifecycles(KindRegistry kinds) {
        return new Lifecycles(kinds);
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
