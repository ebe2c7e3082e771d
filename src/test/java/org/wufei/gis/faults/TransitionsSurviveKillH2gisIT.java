package org.wufei.gis.faults;

/** Kill -9 during transitions on the embedded, file-based H2GIS database the service uses by default. */
class TransitionsSurviveKillH2gisIT extends TransitionsSurviveKillContract {

    @Override
    String databaseUrl() {
        return "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath() + "/gis;DB_CLOSE_ON_EXIT=FALSE";
    }
}
