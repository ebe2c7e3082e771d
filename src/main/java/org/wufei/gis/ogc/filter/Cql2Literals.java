package org.wufei.gis.ogc.filter;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.wufei.gis.ogc.filter.Cql2Expression.*;
import org.wufei.gis.ogc.filter.Queryable.Type;

/** Filter literals as the translator binds them: checked against the property's type, converted for JDBC. */
final class Cql2Literals {

    private Cql2Literals() {
    }

    /** Checks a literal against the property's type and converts it to the Java type that JDBC binds. */
    static Object value(Queryable q, Operand literal) {
        Object v = switch (q.type()) {
            case STRING -> literal instanceof StringLiteral s ? s.value() : null;
            case INTEGER -> literal instanceof NumberLiteral n ? integer(n.value()) : null;
            case NUMBER -> literal instanceof NumberLiteral n ? (Object) n.value().doubleValue() : null;
            case BOOLEAN -> literal instanceof BooleanLiteral b ? b.value() : null;
            case DATE -> temporalOf(literal) == null ? null
                    : LocalDate.ofInstant(TemporalRange.start(temporalOf(literal)), ZoneOffset.UTC);
            case TIMESTAMP -> temporalOf(literal) == null ? null : utc(TemporalRange.start(temporalOf(literal)));
            case GEOMETRY -> null;
        };
        if (v == null) {
            throw Cql2Exception.typeMismatchOf(q.name(), "cql2.value_type", describe(literal), q.type());
        }
        return v;
    }

    static Object integer(BigDecimal n) {
        try {
            return n.longValueExact();
        } catch (ArithmeticException e) {
            return n;
        }
    }

    /** Temporal literals, plus strings that read as dates or instants (GDAL's cql-text sends those). */
    static TemporalLiteral temporalOf(Operand o) {
        if (o instanceof TemporalLiteral t) {
            return t;
        }
        if (o instanceof StringLiteral s) {
            return Literals.temporalOrNull(s.value());
        }
        return null;
    }

    static void checkEnum(Queryable q, Object value) {
        if (!q.enumValues().isEmpty() && !q.enumValues().contains(value)) {
            throw Cql2Exception.typeMismatchOf(q.name(), "cql2.value_enum", String.valueOf(value),
                    String.valueOf(q.enumValues()));
        }
    }

    static OffsetDateTime utc(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    static ComparisonOp mirror(ComparisonOp op) {
        return switch (op) {
            case LT -> ComparisonOp.GT;
            case LE -> ComparisonOp.GE;
            case GT -> ComparisonOp.LT;
            case GE -> ComparisonOp.LE;
            default -> op;
        };
    }

    static String describe(Operand o) {
        if (o instanceof StringLiteral s) {
            return "'" + (s.value().length() > 40 ? s.value().substring(0, 40) + "…" : s.value()) + "'";
        } else if (o instanceof NumberLiteral n) {
            return n.value().toPlainString();
        } else if (o instanceof BooleanLiteral b) {
            return String.valueOf(b.value());
        }
        return o.getClass().getSimpleName();
    }
}
