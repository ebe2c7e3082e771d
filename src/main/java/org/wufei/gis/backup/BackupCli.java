package org.wufei.gis.backup;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.flywaydb.core.Flyway;
import org.wufei.gis.common.DatabaseKind;

/**
 * The backup command (docs/operations.md), against the database the service is configured with through the same
 * environment ({@code SPRING_DATASOURCE_URL/USERNAME/PASSWORD}, {@code GIS_DATA_DIR}):
 * {@code write FILE} writes a backup of a database (running service or not); {@code restore FILE} migrates an empty
 * database to this version's schema and restores the backup into it. Run it with the service stopped for restore.
 */
public final class BackupCli {
    private BackupCli() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !(args[0].equals("write") || args[0].equals("restore"))) {
            System.err.println("usage: BackupCli write|restore FILE");
            System.exit(2);
        }
        Path dataDir = Path.of(env("GIS_DATA_DIR", "./data"));
        String url = env("SPRING_DATASOURCE_URL", "jdbc:h2:file:" + dataDir.toAbsolutePath() + "/gis");
        String user = env("SPRING_DATASOURCE_USERNAME", url.startsWith("jdbc:h2") ? "sa" : null);
        String password = env("SPRING_DATASOURCE_PASSWORD", "");
        Path file = Path.of(args[1]);
        if (args[0].equals("write")) {
            try (Connection c = DriverManager.getConnection(url, user, password);
                    OutputStream out = Files.newOutputStream(file)) {
                Backup.write(c, dataDir, out);
            }
            System.out.println("backup written: " + file.toAbsolutePath() + " (" + Files.size(file) + " bytes)");
        } else {
            migrate(url, user, password);
            try (Connection c = DriverManager.getConnection(url, user, password);
                    InputStream in = Files.newInputStream(file)) {
                Backup.RestoreResult r = Backup.restore(c, dataDir, in);
                System.out.println("restored " + r.rows() + " and " + r.files() + " files");
            }
        }
    }

    /** Brings an empty database to this version's schema, as the service would at start. */
    public static void migrate(String url, String user, String password) {
        DatabaseKind kind = DatabaseKind.ofProductName(url.startsWith("jdbc:postgresql") ? "PostgreSQL" : "H2");
        Flyway.configure().dataSource(url, user, password).locations(kind.migrationLocation()).outOfOrder(true).load()
                .migrate();
    }

    private static String env(String name, String otherwise) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? otherwise : v;
    }
}
