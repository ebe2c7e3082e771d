package org.wufei.gis.ogc.filter;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.Function;
import org.wufei.gis.ogc.filter.Cql2Expression.DateLiteral;
import org.wufei.gis.ogc.filter.Cql2Expression.IntervalLiteral;
import org.wufei.gis.ogc.filter.Cql2Expression.Operand;
import org.wufei.gis.ogc.filter.Cql2Expression.TemporalLiteral;
import org.wufei.gis.ogc.filter.Cql2Expression.TemporalOp;
import org.wufei.gis.ogc.filter.Cql2Expression.TimestampLiteral;

/**
 * A temporal literal as a span of instants: an instant is [t, t], a day is [start, next day), an interval runs
 * between its ends, and a null end is open. The temporal operators compare an instant-valued property with it.
 */
record TemporalRange(Instant start, Instant end, boolean endExclusive) {

    static TemporalRange of(Operand time, Queryable q) {
        if (time instanceof IntervalLiteral i) {
            Instant s = i.start() == null ? null : start(i.start());
            TemporalLiteral e = i.end();
            if (e == null) {
                return new TemporalRange(s, null, false);
            }
            return new TemporalRange(s, end(e), e instanceof DateLiteral);
        }
        TemporalLiteral t = Cql2Literals.temporalOf(time);
        if (t == null) {
            throw Cql2Exception.typeMismatchOf(q.name(), "cql2.temporal_expected");
        }
        return new TemporalRange(start(t), end(t), t instanceof DateLiteral);
    }

    static Instant start(TemporalLiteral t) {
        return t instanceof TimestampLiteral ts ? ts.value() : Literals.startOfDay(((DateLiteral) t).value());
    }

    /** Last instant (timestamp) or first instant after (date). */
    static Instant end(TemporalLiteral t) {
        return t instanceof TimestampLiteral ts ? ts.value() : Literals.startOfDay(((DateLiteral) t).value().plusDays(1));
    }

    String render(TemporalOp op, String column, Queryable q, Function<Object, String> bind) {
        switch (op) {
            case AFTER:
                // After an interval that never ends: nothing qualifies.
                if (end == null) {
                    return "1 = 0";
                }
                return column + (endExclusive ? " >= " : " > ") + bind.apply(value(end, q));
            case BEFORE:
                if (start == null) {
                    return "1 = 0";
                }
                return column + " < " + bind.apply(value(start, q));
            case EQUALS:
                if (start != null && start.equals(end) && !endExclusive) {
                    return column + " = " + bind.apply(value(start, q));
                }
                return within(column, q, bind);
            case DURING:
            case INTERSECTS:
            default:
                return within(column, q, bind);
        }
    }

    private String within(String column, Queryable q, Function<Object, String> bind) {
        if (start == null && end == null) {
            return column + " IS NOT NULL";
        }
        StringBuilder sb = new StringBuilder("(");
        if (start != null) {
            sb.append(column).append(" >= ").append(bind.apply(value(start, q)));
        }
        if (end != null) {
            if (start != null) {
                sb.append(" AND ");
            }
            sb.append(column).append(endExclusive ? " < " : " <= ").append(bind.apply(value(end, q)));
        }
        return sb.append(')').toString();
    }

    private static Object value(Instant i, Queryable q) {
        return q.type() == Queryable.Type.DATE ? LocalDate.ofInstant(i, ZoneOffset.UTC) : Cql2Literals.utc(i);
    }
}
