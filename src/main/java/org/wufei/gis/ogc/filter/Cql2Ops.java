package org.wufei.gis.ogc.filter;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.wufei.gis.ogc.filter.Cql2Expression.ComparisonOp;
import org.wufei.gis.ogc.filter.Cql2Expression.SpatialOp;
import org.wufei.gis.ogc.filter.Cql2Expression.TemporalOp;

/** Operator names of both encodings and both dialects (cql2 with S_/T_ prefixes, old cql-text without). */
final class Cql2Ops {

    static final Set<String> RESERVED = Set.of("AND", "OR", "NOT", "LIKE", "BETWEEN", "IN", "IS", "NULL");

    static final Set<String> GEOMETRY_TYPES = Set.of("POINT", "LINESTRING", "POLYGON", "MULTIPOINT",
            "MULTILINESTRING", "MULTIPOLYGON", "GEOMETRYCOLLECTION");

    private static final Map<String, SpatialOp> SPATIAL = Map.of(
            "INTERSECTS", SpatialOp.INTERSECTS, "WITHIN", SpatialOp.WITHIN, "CONTAINS", SpatialOp.CONTAINS,
            "DISJOINT", SpatialOp.DISJOINT, "EQUALS", SpatialOp.EQUALS, "TOUCHES", SpatialOp.TOUCHES,
            "OVERLAPS", SpatialOp.OVERLAPS, "CROSSES", SpatialOp.CROSSES);

    private static final Map<String, TemporalOp> TEMPORAL = Map.of(
            "T_AFTER", TemporalOp.AFTER, "T_BEFORE", TemporalOp.BEFORE, "T_DURING", TemporalOp.DURING,
            "T_INTERSECTS", TemporalOp.INTERSECTS, "T_EQUALS", TemporalOp.EQUALS);

    private static final Map<String, TemporalOp> LEGACY_TEMPORAL = Map.of(
            "AFTER", TemporalOp.AFTER, "BEFORE", TemporalOp.BEFORE, "DURING", TemporalOp.DURING,
            "TEQUALS", TemporalOp.EQUALS);

    private static final Map<String, ComparisonOp> COMPARISON = Map.of(
            "=", ComparisonOp.EQ, "<>", ComparisonOp.NE, "!=", ComparisonOp.NE, "<", ComparisonOp.LT,
            "<=", ComparisonOp.LE, ">", ComparisonOp.GT, ">=", ComparisonOp.GE);

    private Cql2Ops() {
    }

    /** S_INTERSECTS, s_intersects or the old INTERSECTS; null when the name is not a spatial operator. */
    static SpatialOp spatial(String name) {
        String n = name.toUpperCase(Locale.ROOT);
        return SPATIAL.get(n.startsWith("S_") ? n.substring(2) : n);
    }

    static boolean isDWithin(String name) {
        String n = name.toUpperCase(Locale.ROOT);
        return n.equals("S_DWITHIN") || n.equals("DWITHIN");
    }

    static TemporalOp temporal(String name) {
        return TEMPORAL.get(name.toUpperCase(Locale.ROOT));
    }

    static TemporalOp legacyTemporal(String name) {
        return LEGACY_TEMPORAL.get(name.toUpperCase(Locale.ROOT));
    }

    static ComparisonOp comparison(String symbol) {
        return COMPARISON.get(symbol);
    }
}
