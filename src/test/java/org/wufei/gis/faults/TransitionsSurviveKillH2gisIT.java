package org.wufei.gis.faults;

import org.junit.jupiter.api.Disabled;

/**
 * Kill -9 during transitions on the embedded, file-based H2GIS database the service uses by default.
 *
 * <p>Disabled: on 2026-12-07 the restart after SIGKILL mid-burst found the H2 2.4.240 MVStore file unreadable
 * ("Unable to read the page at position …", a ClassCastException between the table's and the spatial index's page
 * types), a known class of H2 kill-restart corruption. The embedded database is for a single office and the demo;
 * production runs PostGIS, where the same test passes (TransitionsSurviveKillPostgisIT). docs/operations.md says so
 * and tells embedded users to back up with BackupCli.
 */
@Disabled("H2 MVStore file corrupted by SIGKILL under write load; see the class comment and docs/operations.md")
class TransitionsSurviveKillH2gisIT extends TransitionsSurviveKillContract {

    @Override
    String databaseUrl() {
        return "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath() + "/gis;DB_CLOSE_ON_EXIT=FALSE";
    }
}
