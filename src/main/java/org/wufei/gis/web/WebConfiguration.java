package org.wufei.gis.web;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Settings of the map page. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MapProperties.class)
class WebConfiguration {
}
