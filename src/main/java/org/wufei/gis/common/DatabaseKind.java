package org.wufei.gis.common;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** The two spatial databases the service runs on; the only place that tells them apart. */
public enum DatabaseKind {
    H2GIS("h2gis"),
    POSTGIS("postgis");

    private final String migrationFolder;

    DatabaseKind(String migrationFolder) {
        this.migrationFolder = migrationFolder;
    }

    public String migrationLocation() {
        return "classpath:db/migration/" + migrationFolder;
    }

    public static DatabaseKind of(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return ofProductName(c.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database to tell its kind", e);
        }
    }

    public static DatabaseKind ofProductName(String productName) {
        return productName != null && productName.toLowerCase().contains("postgres") ? POSTGIS : H2GIS;
    }
}
