package org.wufei.gis.tiles;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wufei.gis.common.DatabaseKind;

/** Picks the tile encoder for the database: ST_AsMVT on PostGIS, Java on H2GIS. */
@Configuration(proxyBeanMethods = false)
class TilesConfiguration {
    @Bean
    TileEncoder tileEncoder(DatabaseKind kind, JdbcClient jdbc) {
        return kind == DatabaseKind.POSTGIS ? new PostgisTileEncoder(jdbc) : new JavaTileEncoder(jdbc);
    }
}
