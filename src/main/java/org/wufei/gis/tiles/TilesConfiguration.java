package org.wufei.gis.tiles;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
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
    TileEncoder tileEncoder(DatabaseKind kind, JdbcClient jdbc) {
        return kind == DatabaseKind.POSTGIS ? new PostgisTileEncoder(jdbc) : new JavaTileEncoder(jdbc);
    }
}
