package org.wufei.gis.common.config;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.wufei.gis.common.DatabaseKind;

/** Picks the migration folder of the database in use, so one code base serves H2GIS and PostGIS. */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

    @Bean
    DatabaseKind databaseKind(DataSource dataSource) {
        return DatabaseKind.of(dataSource);
    }

    @Bean
    ConnectionDrain connectionDrain(DataSource dataSource) {
        return new ConnectionDrain(dataSource);
    }

    @Bean
    FlywayConfigurationCustomizer migrationsPerDatabase(DatabaseKind kind) {
        return flyway -> flyway.locations(kind.migrationLocation());
    }

    /**
     * The embedded H2GIS pool never retires a connection. H2 2.4.240 ties a CHECK constraint that compares text to
     * the session that created it: once that session closes while the database stays open, every insert into the
     * table fails with "Check constraint invalid" until the database is opened again
     * ({@code H2ChecksAfterMigrationTest}). The pool would close Flyway's connection after its max lifetime (30
     * minutes), so a service that migrated a new database would refuse uploads half an hour later. Embedded
     * connections do not go stale, so keeping them costs nothing.
     */
    @Bean
    static BeanPostProcessor h2ConnectionsLiveOn(Environment env) {
        long busyWait = env.getProperty("gis.database.busy-wait-ms", Long.class, 20_000L);
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                keepH2ConnectionsOpen(bean);
                planEveryPostgisQueryWithItsValues(bean);
                return bean;
            }

            /** Requests wait for a busy pool and fail fast only when the database is gone (PatientDataSource). */
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof HikariDataSource hikari && busyWait > 0
                        ? new PatientDataSource(hikari, busyWait) : bean;
            }
        };
    }

    /**
     * PostGIS connections plan every statement with its bound values ({@code plan_cache_mode=force_custom_plan}).
     * The driver turns a statement into a server-side prepared one after five runs, and PostgreSQL then switches to
     * a generic plan that does not know the bounding box or the status: for an items page at 1,000,000 sites that
     * plan reads the plain geometry index and filters ten times the rows (100 ms instead of 12 ms, and five times
     * the database CPU in bench/ogc-items.sh). Planning costs a fraction of a millisecond. An {@code options}
     * parameter in the JDBC URL wins over this one.
     */
    public static void planEveryPostgisQueryWithItsValues(Object bean) {
        if (bean instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null
                && hikari.getJdbcUrl().startsWith("jdbc:postgresql:")
                && !hikari.getDataSourceProperties().containsKey("options")) {
            hikari.addDataSourceProperty("options", "-c plan_cache_mode=force_custom_plan");
        }
    }

    public static void keepH2ConnectionsOpen(Object bean) {
        if (bean instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null
                && hikari.getJdbcUrl().startsWith("jdbc:h2:")) {
            hikari.setMaxLifetime(0);
            hikari.setIdleTimeout(0);
        }
    }
}
