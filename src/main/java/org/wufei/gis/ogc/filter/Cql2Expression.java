package org.wufei.gis.ogc.filter;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * The parsed form of a CQL2 filter, shared by the text and JSON encodings and read by the SQL translator.
 *
 * <p>Predicates are boolean-valued nodes; operands are what predicates compare. Property names are kept as written
 * and only resolved against {@link Queryables} during translation, so a parsed filter carries no SQL.
 */
public sealed interface Cql2Expression permits Cql2Expression.Predicate, Cql2Expression.Operand {

    /** A boolean-valued node. */
    sealed interface Predicate extends Cql2Expression
            permits And, Or, Not, Comparison, Like, Between, In, IsNull, Spatial, DWithin, Temporal {
    }

    /** A value: a property reference or a literal. */
    sealed interface Operand extends Cql2Expression
            permits Property, StringLiteral, NumberLiteral, BooleanLiteral, GeometryLiteral, TemporalLiteral,
            IntervalLiteral {
    }

    /** An instant or a whole day. */
    sealed interface TemporalLiteral extends Operand permits TimestampLiteral, DateLiteral {
    }

    record And(List<Predicate> args) implements Predicate {
        public And {
            args = List.copyOf(args);
        }
    }

    record Or(List<Predicate> args) implements Predicate {
        public Or {
            args = List.copyOf(args);
        }
    }

    record Not(Predicate arg) implements Predicate {
        public Not {
            Objects.requireNonNull(arg);
        }
    }

    enum ComparisonOp {
        EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">=");

        private final String sql;

        ComparisonOp(String sql) {
            this.sql = sql;
        }

        public String sql() {
            return sql;
        }
    }

    record Comparison(ComparisonOp op, Operand left, Operand right) implements Predicate {
    }

    /** {@code value LIKE pattern}; wildcards are % and _, the escape character is a backslash. */
    record Like(Operand value, Operand pattern) implements Predicate {
    }

    record Between(Operand value, Operand low, Operand high) implements Predicate {
    }

    record In(Operand value, List<Operand> list) implements Predicate {
        public In {
            list = List.copyOf(list);
        }
    }

    record IsNull(Operand value) implements Predicate {
    }

    enum SpatialOp { INTERSECTS, WITHIN, CONTAINS, DISJOINT, EQUALS, TOUCHES, OVERLAPS, CROSSES }

    record Spatial(SpatialOp op, Operand left, Operand right) implements Predicate {
    }

    /** Within a distance in metres, measured on the ground (never in degrees). */
    record DWithin(Operand left, Operand right, double metres) implements Predicate {
    }

    enum TemporalOp { AFTER, BEFORE, DURING, INTERSECTS, EQUALS }

    record Temporal(TemporalOp op, Operand left, Operand right) implements Predicate {
    }

    record Property(String name) implements Operand {
    }

    record StringLiteral(String value) implements Operand {
    }

    record NumberLiteral(BigDecimal value) implements Operand {
    }

    record BooleanLiteral(boolean value) implements Operand {
    }

    /** A geometry in the filter CRS, as sent; the translator normalises it to storage lon/lat. */
    record GeometryLiteral(Geometry geometry) implements Operand {
    }

    record TimestampLiteral(Instant value) implements TemporalLiteral {
    }

    record DateLiteral(LocalDate value) implements TemporalLiteral {
    }

    /** An interval whose ends are null when open ({@code '..'}). */
    record IntervalLiteral(TemporalLiteral start, TemporalLiteral end) implements Operand {
    }
}
