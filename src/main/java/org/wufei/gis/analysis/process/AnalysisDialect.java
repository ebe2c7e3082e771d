package org.wufei.gis.analysis.process;

import org.wufei.gis.common.DatabaseKind;

/**
 * The SQL that differs between H2GIS and PostGIS for the processes, in one place. Both measure in the district's
 * metric CRS (ST_Transform to EPSG:4546 by default), so the two databases give the same metres; both use their
 * spatial index through a {@code &&} box test that every query puts first.
 */
final class AnalysisDialect {
    private final DatabaseKind kind;
    private final int metricEpsg;

    AnalysisDialect(DatabaseKind kind, int metricEpsg) {
        this.kind = kind;
        this.metricEpsg = metricEpsg;
    }

    /** The geometry expression in the metric CRS. */
    String metric(String geometry) {
        return "ST_Transform(" + geometry + ", " + metricEpsg + ")";
    }

    /** Distance in metres between two storage geometries. */
    String distance(String a, String b) {
        return "ST_Distance(" + metric(a) + ", " + metric(b) + ")";
    }

    /** True when the two storage geometries lie within {@code ?} metres (the distance bound last). */
    String within(String a, String b) {
        return "ST_DWithin(" + metric(a) + ", " + metric(b) + ", ?)";
    }

    /** A box test against the other geometry grown by {@code ?} degrees of longitude and {@code ?} of latitude. */
    String nearBox(String column, String other) {
        // PostGIS grows the box with ST_Expand (index-assisted through &&); H2GIS needs the same function name but
        // takes the two deltas as a geometry-returning call as well.
        return column + " && ST_Expand(" + other + ", ?, ?)";
    }

    /** A literal-free storage geometry from bound WKT. */
    String geometry() {
        return "ST_GeomFromText(?, 4326)";
    }

    DatabaseKind kind() {
        return kind;
    }
}
