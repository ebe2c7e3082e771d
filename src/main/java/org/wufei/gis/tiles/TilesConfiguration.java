package org.wufei.gis.tiles;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.wufei.gis.common.DatabaseKind;

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

    /** The cache fast path (gis.tiles.cache-fast-path, default on), only where reads need no login. */
    @Bean
    @ConditionalOnBooleanProperty("gis.security.public-read")
    @ConditionalOnBooleanProperty(name = "gis.tiles.cache-fast-path", matchIfMissing = true)
    FilterRegistrationBean<CachedTileFilter> cachedTileFilter(Tiles tiles) {
        var registration = new FilterRegistrationBean<>(new CachedTileFilter(tiles));
        registration.addUrlPatterns("/ogc/collections/*", "/ogc/tiles/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
