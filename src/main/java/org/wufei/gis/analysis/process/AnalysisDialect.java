package org.wufei.gis.analysis.process;

import org.wufei.gis.common.DatabaseKind;

/**
 * The SQL of the processes that depends on the database, in one place. Both databases measure in the district's
 * metric CRS (ST_Transform to EPSG:4546 by default), so they give the same metres, and both use their spatial index
 * through the {@code &&} box test every query puts first. They differ in how long lines are matched: PostGIS cuts
 * them into short straight pieces first (ST_Segmentize, ST_DumpSegments) so each piece's box, not the whole
 * river's, goes to the index, and screens the pieces in two parts side by side; H2GIS matches whole lines in one
 * part (its embedded use holds a district's few thousand sites).
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
     * The rivers of the bound levels ({@code levels} placeholders) as rows {@code rname, rlevel, rgeom}. On PostGIS
     * each river is cut into straight pieces of at most {@value #PIECE_DEGREES} degrees (about 200 m: each piece's box, not
     * the whole river's, goes to the index, and a short straight piece's box holds few sites beyond the buffer;
     * measured at 1,000,000 sites: 1.3-1.5 s against 2.3-2.4 s for pieces of up to 8 vertices), and only the pieces
     * of one of {@link #riverParts()} parts (a bound part number last: every other piece along each river); on H2GIS
     * each river is whole and there is one part.
     */
    String riverPieces(String levels) {
        return kind == DatabaseKind.POSTGIS
                ? "SELECT w.name AS rname, w.yellow_river_basin AS rlevel, seg.geom AS rgeom FROM river w, LATERAL"
                        + " ST_DumpSegments(ST_Segmentize(w.geom, " + PIECE_DEGREES + ")) seg WHERE"
                        + " w.yellow_river_basin IN (" + levels + ") AND seg.path[1] % " + riverParts() + " = ?"
                : "SELECT name AS rname, yellow_river_basin AS rlevel, geom AS rgeom FROM river WHERE"
                        + " yellow_river_basin IN (" + levels + ")";
    }

    /**
     * In how many parts a screening along the rivers runs, side by side on as many connections: two on PostGIS (a
     * statement there runs on one core; the service's machine has two or more), one on the embedded H2GIS.
     */
    int riverParts() {
        return kind == DatabaseKind.POSTGIS ? 2 : 1;
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
