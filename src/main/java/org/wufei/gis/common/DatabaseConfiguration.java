package org.wufei.gis.common;

import javax.sql.DataSource;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Picks the migration folder of the database in use, so one code base serves H2GIS and PostGIS. */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean
    DatabaseKind databaseKind(DataSource dataSource) {
        return DatabaseKind.of(dataSource);
    }

    @Bean
    FlywayConfigurationCustomizer migrationsPerDatabase(DatabaseKind kind) {
        return flyway -> flyway.locations(kind.migrationLocation());
    }
}
