package org.wufei.gis.crs;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wufei.gis.common.District;

/** One CRS registry for the application and the district's metric CRS for areas and distances. */
@Configuration(proxyBeanMethods = false)
class CrsConfiguration {

    @Bean
    CrsRegistry crsRegistry() {
        return new CrsRegistry();
    }

    @Bean
    MetricCrs metricCrs(CrsRegistry registry, District district) {
        return new MetricCrs(registry, district.metricEpsg());
    }
}
