package org.wufei.gis.imports;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The import module's settings and its bounded worker pool (a full queue is answered 503, never waited on). */
@Configuration
@EnableConfigurationProperties(ImportsProperties.class)
class ImportsConfiguration {

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
}
