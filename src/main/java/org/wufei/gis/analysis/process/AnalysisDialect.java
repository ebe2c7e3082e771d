package org.wufei.gis.analysis.process;

import org.wufei.gis.common.DatabaseKind;

/**
 * The SQL of the processes that depends on the database, in one place. Both databases measure in the district's
 * metric CRS (ST_Transform to EPSG:4546 by default), so they give the same metres, and both use their spatial index
 * through the {@code &&} box test every query puts first. They differ in how long lines are matched: PostGIS cuts
 * them into short straight pieces first (ST_Segmentize, ST_DumpSegments) so each piece's box, not the whole
 * river's, goes to the index; H2GIS matches whole lines (its embedded use holds a district's few thousand sites).
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

    /**
     * A line column as straight pieces of at most {@value #PIECE_DEGREES} degrees (about 200 m: each piece's box, not
     * the whole river's, goes to the index, and a short straight piece's box holds few sites beyond the buffer;
     * measured at 1,000,000 sites: 1.3-1.5 s against 2.3-2.4 s for pieces of up to 8 vertices) on PostGIS, or whole
     * (H2GIS); a set-returning select.
     */
    String pieces(String lineColumn) {
        return kind == DatabaseKind.POSTGIS
                ? "(ST_DumpSegments(ST_Segmentize(" + lineColumn + ", " + PIECE_DEGREES + "))).geom" : lineColumn;
    }

    static final double PIECE_DEGREES = 0.002;

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
