package org.wufei.gis.imports;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wufei.gis.common.multipart.MultipartUpload;
import org.wufei.gis.common.multipart.UploadProperties;

/** The import module's settings and its bounded worker pool (a full queue is answered 503, never waited on). */
@Configuration
@EnableConfigurationProperties(ImportsProperties.class)
public class ImportsConfiguration {

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService importWorkers(ImportsProperties props) {
        AtomicInteger n = new AtomicInteger();
        return new ThreadPoolExecutor(props.workers(), props.workers(), 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(Math.max(1, props.queueCapacity())), r -> {
                    Thread t = new Thread(r, "import-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
    }

    /** The upload limits of {@code gis.uploads}, which the import endpoint applies itself. */
    @Bean
    MultipartUpload.Limits uploadLimits(UploadProperties uploads) {
        return uploads.limits();
    }

    /**
     * Tomcat reads a request through an 8 KiB socket buffer by default; an upload of tens of megabytes then takes
     * thousands of reads (gis.imports.socket-read-buffer, bytes, default 64 KiB; 0 keeps Tomcat's 8 KiB).
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> uploadReadBuffer(
            @Value("${gis.imports.socket-read-buffer:65536}") int bytes) {
        return factory -> {
            if (bytes > 0) {
                factory.addConnectorCustomizers(c -> c.setProperty("socket.appReadBufSize", String.valueOf(bytes)));
            }
        };
    }
}
