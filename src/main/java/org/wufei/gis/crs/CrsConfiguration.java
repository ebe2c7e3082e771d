package org.wufei.gis.crs;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One CRS registry for the application; the district's metric CRS is made where the district is known (common). */
@Configuration(proxyBeanMethods = false)
class CrsConfiguration {

    @Bean
    CrsRegistry crsRegistry() {
        return new CrsRegistry();
    }
}
