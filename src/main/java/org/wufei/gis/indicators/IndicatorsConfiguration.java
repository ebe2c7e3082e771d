package org.wufei.gis.indicators;

import java.nio.file.Path;
import java.util.List;
import org.wufei.gis.common.KindStatuses;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Reads the indicators file at start-up: {@code gis.indicators.file}, by default {@code indicators.yml} next to the
 * district configuration ({@code gis.district.config}). A malformed file refuses start.
 */
@Configuration(proxyBeanMethods = false)
class IndicatorsConfiguration {

    @Bean
    Indicators indicators(@Value("${gis.indicators.file:}") String file,
            @Value("${gis.district.config}") String districtConfig, SiteStates states, LedgerTable table,
            List<CoverageSource> providers, KindStatuses kinds) {
        Path path = file.isBlank() ? Path.of(districtConfig).toAbsolutePath().resolveSibling("indicators.yml")
                : Path.of(file);
        var ids = providers.stream().map(CoverageSource::id).collect(Collectors.toSet());
        return new Indicators(IndicatorFile.read(path, ids, kinds.statusesByKind()), states, table, providers);
    }
}
