package org.wufei.gis.common.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wufei.gis.common.District;
import org.wufei.gis.crs.CrsRegistry;
import org.wufei.gis.crs.MetricCrs;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Loads the district description once at start-up. */
@Configuration(proxyBeanMethods = false)
public class DistrictConfiguration {

    @Bean
    District district(@Value("${gis.district.config}") String path) throws IOException {
        return read(Path.of(path));
    }

    /** The district's metric CRS for areas and distances; crs itself knows no district. */
    @Bean
    MetricCrs metricCrs(CrsRegistry registry, District district) {
        return new MetricCrs(registry, district.metricEpsg());
    }

    public static District read(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("District configuration not found: " + path.toAbsolutePath()
                    + " (set gis.district.config / GIS_DISTRICT_CONFIG)");
        }
        return JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()
                .readValue(path.toFile(), District.class);
    }
}
