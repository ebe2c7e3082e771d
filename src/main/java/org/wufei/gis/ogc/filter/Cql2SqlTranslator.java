package org.wufei.gis.ogc.filter;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.wufei.gis.ogc.filter.Cql2Expression.*;
import org.wufei.gis.ogc.filter.Queryable.Type;

/**
 * Turns a parsed filter into a WHERE fragment: columns only from {@link Queryables}, every value a bound parameter.
 *
 * <p>Types are checked here, not in the parsers, because only the collection knows what a property holds.
 */
public final class Cql2SqlTranslator {

    private final Queryables queryables;
    private final SpatialDialect dialect;
    private final GeometryNormaliser normaliser;
    private final int filterCrs;
    private final List<Object> params = new ArrayList<>();

    private Cql2SqlTranslator(Queryables queryables, SpatialDialect dialect, GeometryNormaliser normaliser,
            int filterCrs) {
        this.queryables = queryables;
        this.dialect = dialect;
        this.normaliser = normaliser;
        this.filterCrs = filterCrs;
    }

    /** Translates with filter geometries in CRS84 ({@link GeometryNormaliser#CRS84}) or EPSG:4326 only. */
    public static SqlFilter translate(Cql2Expression filter, Queryables queryables, SpatialDialect dialect,
            int filterCrsEpsg) {
        return translate(filter, queryables, dialect, filterCrsEpsg, GeometryNormaliser.wgs84Only());
    }

    /** Translates, handing every filter geometry to the normaliser to reach storage lon/lat EPSG:4326. */
    public static SqlFilter translate(Cql2Expression filter, Queryables queryables, SpatialDialect dialect,
            int filterCrsEpsg, GeometryNormaliser normaliser) {
        if (!(filter instanceof Predicate p)) {
            throw Cql2Exception.unsupportedOf("cql2.not_a_predicate");
        }
        Cql2SqlTranslator t = new Cql2SqlTranslator(queryables, dialect, normaliser, filterCrsEpsg);
        String sql = t.predicate(p);
        return new SqlFilter(sql, t.params);
    }

    private String predicate(Predicate p) {
        // Java 17 has no pattern matching in switch, hence the chain.
        if (p instanceof And a) {
            return join(a.args(), " AND ");
        } else if (p instanceof Or o) {
            return join(o.args(), " OR ");
        } else if (p instanceof Not n) {
            return "NOT (" + predicate(n.arg()) + ")";
        } else if (p instanceof Comparison c) {
            return comparison(c.op(), c.left(), c.right());
        } else if (p instanceof Like l) {
            return like(l);
        } else if (p instanceof Between b) {
            return between(b);
        } else if (p instanceof In in) {
            return in(in);
        } else if (p instanceof IsNull n) {
            return column(property(n.value(), "IS NULL")) + " IS NULL";
        } else if (p instanceof Spatial s) {
            return spatial(s);
        } else if (p instanceof DWithin d) {
            return dwithin(d);
        } else if (p instanceof Temporal t) {
            return temporal(t);
        }
        throw new IllegalStateException("unhandled predicate " + p);
    }

    private String join(List<Predicate> args, String op) {
        List<String> parts = new ArrayList<>();
        for (Predicate a : args) {
            parts.add(predicate(a));
        }
        return "(" + String.join(op, parts) + ")";
    }

    private String comparison(ComparisonOp op, Operand left, Operand right) {
        if (left instanceof Property l && right instanceof Property r) {
            Queryable ql = resolve(l);
            Queryable qr = resolve(r);
            boolean compatible = ql.type() == qr.type() || (ql.isNumeric() && qr.isNumeric())
                    || (ql.isTemporal() && qr.isTemporal());
            if (!compatible || ql.type() == Type.GEOMETRY) {
                throw Cql2Exception.typeMismatchOf(ql.name(), "cql2.not_comparable", qr.name());
            }
            return column(ql) + " " + op.sql() + " " + column(qr);
        }
        if (!(left instanceof Property) && right instanceof Property) {
            return comparison(Cql2Literals.mirror(op), right, left);
        }
        Queryable q = property(left, op.sql());
        if (q.type() == Type.TIMESTAMP && Cql2Literals.temporalOf(right) instanceof DateLiteral d) {
            return dayComparison(q, op, d.value());
        }
        Object value = Cql2Literals.value(q, right);
        if (op == ComparisonOp.EQ || op == ComparisonOp.NE) {
            Cql2Literals.checkEnum(q, value);
        } else if (q.type() == Type.BOOLEAN) {
            throw Cql2Exception.typeMismatchOf(q.name(), "cql2.boolean_operators");
        }
        return column(q) + " " + op.sql() + " " + bind(value);
    }

    /** A day against a timestamp column means the whole UTC day, so {@code updated_at = DATE(d)} finds that day. */
    private String dayComparison(Queryable q, ComparisonOp op, LocalDate day) {
        String c = column(q);
        OffsetDateTime start = Cql2Literals.utc(Literals.startOfDay(day));
        OffsetDateTime next = Cql2Literals.utc(Literals.startOfDay(day.plusDays(1)));
        return switch (op) {
            case EQ -> "(" + c + " >= " + bind(start) + " AND " + c + " < " + bind(next) + ")";
            case NE -> "(" + c + " < " + bind(start) + " OR " + c + " >= " + bind(next) + ")";
            case LT -> c + " < " + bind(start);
            case LE -> c + " < " + bind(next);
            case GT -> c + " >= " + bind(next);
            case GE -> c + " >= " + bind(start);
        };
    }

    private String like(Like l) {
        Queryable q = property(l.value(), "LIKE");
        if (q.type() != Type.STRING) {
            throw Cql2Exception.typeMismatchOf(q.name(), "cql2.like_text_only");
        }
        if (!(l.pattern() instanceof StringLiteral s)) {
            throw Cql2Exception.typeMismatchOf(q.name(), "cql2.like_pattern_string");
        }
        return column(q) + " LIKE " + bind(LikePatterns.sanitise(s.value())) + " ESCAPE '\\'";
    }

    private String between(Between b) {
        Queryable q = property(b.value(), "BETWEEN");
        if (q.type() == Type.TIMESTAMP) {
            return "(" + comparison(ComparisonOp.GE, b.value(), b.low()) + " AND "
                    + comparison(ComparisonOp.LE, b.value(), b.high()) + ")";
        }
        if (q.type() == Type.GEOMETRY || q.type() == Type.BOOLEAN) {
            throw Cql2Exception.typeMismatchOf(q.name(), "cql2.between_not_applicable");
        }
        return column(q) + " BETWEEN " + bind(Cql2Literals.value(q, b.low())) + " AND " + bind(Cql2Literals.value(q, b.high()));
    }

    private String in(In in) {
        Queryable q = property(in.value(), "IN");
        if (q.type() == Type.GEOMETRY) {
            throw Cql2Exception.typeMismatchOf(q.name(), "cql2.in_not_for_geometry");
        }
        List<String> marks = new ArrayList<>();
        for (Operand o : in.list()) {
            Object v = Cql2Literals.value(q, o);
            Cql2Literals.checkEnum(q, v);
            marks.add(bind(v));
        }
        return column(q) + " IN (" + String.join(", ", marks) + ")";
    }

    private String spatial(Spatial s) {
        SpatialOp op = s.op();
        Operand prop = s.left();
        Operand geom = s.right();
        if (!(prop instanceof Property) && geom instanceof Property) {
            // S_WITHIN(literal, geom) is S_CONTAINS(geom, literal); the other predicates are symmetric.
            prop = s.right();
            geom = s.left();
            op = op == SpatialOp.WITHIN ? SpatialOp.CONTAINS : op == SpatialOp.CONTAINS ? SpatialOp.WITHIN : op;
        }
        Queryable q = geometryProperty(prop);
        return append(dialect.spatial(op, column(q), storageGeometry(geom, q)));
    }

    private String dwithin(DWithin d) {
        Operand prop = d.left() instanceof Property ? d.left() : d.right();
        Operand geom = d.left() instanceof Property ? d.right() : d.left();
        Queryable q = geometryProperty(prop);
        return append(dialect.dwithin(column(q), storageGeometry(geom, q), d.metres()));
    }

    private String temporal(Temporal t) {
        TemporalOp op = t.op();
        Operand prop = t.left();
        Operand time = t.right();
        if (!(prop instanceof Property) && time instanceof Property) {
            prop = t.right();
            time = t.left();
            op = switch (op) {
                case AFTER -> TemporalOp.BEFORE;
                case BEFORE -> TemporalOp.AFTER;
                case INTERSECTS, EQUALS -> op;
                case DURING -> throw Cql2Exception.unsupportedOf("cql2.instant_contains_interval");
            };
        }
        Queryable q = property(prop, "T_" + op);
        if (!q.isTemporal()) {
            throw Cql2Exception.typeMismatchOf(q.name(), "cql2.temporal_needs_time");
        }
        return TemporalRange.of(time, q).render(op, column(q), q, this::bind);
    }

    private String append(SqlFilter fragment) {
        params.addAll(fragment.params());
        return fragment.whereSql();
    }

    private Geometry storageGeometry(Operand geom, Queryable q) {
        if (!(geom instanceof GeometryLiteral g)) {
            throw Cql2Exception.typeMismatchOf(q.name(), "cql2.spatial_needs_literal");
        }
        Geometry normalised = normaliser.toStorage(g.geometry(), filterCrs);
        if (normalised.isEmpty()) {
            throw Cql2Exception.unsupportedOf("cql2.empty_geometry");
        }
        return normalised;
    }

    private Queryable geometryProperty(Operand prop) {
        Queryable q = property(prop, "spatial operator");
        if (q.type() != Type.GEOMETRY) {
            throw Cql2Exception.typeMismatchOf(q.name(), "cql2.spatial_needs_property");
        }
        return q;
    }

    private Queryable property(Operand operand, String where) {
        if (operand instanceof Property p) {
            return resolve(p);
        }
        throw Cql2Exception.unsupportedOf("cql2.left_not_property", where);
    }

    private Queryable resolve(Property p) {
        return queryables.find(p.name()).orElseThrow(() -> Cql2Exception.unknownProperty(p.name()));
    }

    private static String column(Queryable q) {
        return q.sqlColumn();
    }

    private String bind(Object value) {
        params.add(value);
        return "?";
    }
}
