package org.wufei.gis.tiles;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.wufei.gis.catalog.Catalog;
import org.wufei.gis.common.DatabaseKind;
import org.wufei.gis.common.PublicRead;
import org.wufei.gis.tiles.encode.JavaTileEncoder;
import org.wufei.gis.tiles.encode.PostgisTileEncoder;
import org.wufei.gis.tiles.encode.TileEncoder;

/** Picks the tile encoder for the database: ST_AsMVT on PostGIS, Java on H2GIS. */
@Configuration(proxyBeanMethods = false)
class TilesConfiguration {
    /**
     * Tomcat writes a response through an 8 KiB socket buffer by default; tiles are 10-500 KiB, so a larger buffer
     * saves most blocking write rounds (gis.tiles.socket-write-buffer, bytes, default 256 KiB; 0 keeps Tomcat's 8 KiB).
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> tileWriteBuffer(
            @Value("${gis.tiles.socket-write-buffer:262144}") int bytes) {
        return factory -> {
            if (bytes > 0) {
                factory.addConnectorCustomizers(c -> c.setProperty("socket.appWriteBufSize", String.valueOf(bytes)));
            }
        };
    }

    @Bean
    TileEncoder tileEncoder(DatabaseKind kind, JdbcClient jdbc, PlatformTransactionManager transactions) {
        return kind == DatabaseKind.POSTGIS ? new PostgisTileEncoder(jdbc, transactions) : new JavaTileEncoder(jdbc);
    }

    /**
     * The cache fast path (gis.tiles.cache-fast-path, default on), only where reads need no login and only for
     * collections anonymous readers may see.
     */
    @Bean
    @ConditionalOnBooleanProperty(name = "gis.tiles.cache-fast-path", matchIfMissing = true)
    FilterRegistrationBean<CachedTileFilter> cachedTileFilter(Tiles tiles, Catalog catalog, Environment env) {
        var registration = new FilterRegistrationBean<>(new CachedTileFilter(tiles,
                id -> id.equals(TileRequest.DATASET) || catalog.find(id, true).isPresent()));
        registration.addUrlPatterns("/ogc/collections/*", "/ogc/tiles/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setEnabled(PublicRead.enabled(env));
        return registration;
    }
}
