package org.wufei.gis.sites;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans of the sites feature that are not components. */
@Configuration(proxyBeanMethods = false)
class SitesConfiguration {

    @Bean
    Lifecycles lifecycles() {
        return Lifecycles.load();
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
