package org.wufei.gis.analysis.process;

import org.wufei.gis.common.DatabaseKind;

/**
 * The SQL of the processes that depends on the database, in one place. Both databases measure in the district's
 * metric CRS (ST_Transform to EPSG:4546 by default), so they give the same metres, and both use their spatial index
 * through the {@code &&} box test every query puts first. They differ in how long lines are matched: PostGIS cuts
 * them into short pieces first (ST_Subdivide) so each piece's box, not the whole river's, goes to the index; H2GIS,
 * which has no such function, matches whole lines (its embedded use holds a district's few thousand sites).
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
        return column + " && ST_Expand(" + other + ", ?, ?)";
    }

    /** A line column as pieces of at most a few vertices each (PostGIS), or whole (H2GIS); a set-returning select. */
    String pieces(String lineColumn) {
        return kind == DatabaseKind.POSTGIS ? "ST_Subdivide(" + lineColumn + ", 8)" : lineColumn;
    }

    /**
     * Ends a derived table that the planner must not fold into the outer query (PostgreSQL's {@code OFFSET 0}), so
     * what it computes per row (a river piece in the metric CRS) is computed once, not again per joined row.
     */
    String keptApart() {
        return kind == DatabaseKind.POSTGIS ? " OFFSET 0" : "";
    }

    /** A literal-free storage geometry from bound WKT. */
    String geometry() {
        return "ST_GeomFromText(?, 4326)";
    }

    DatabaseKind kind() {
        return kind;
    }
}
