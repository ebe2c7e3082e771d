package org.wufei.gis.ogc.filter;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.wufei.gis.ogc.filter.Cql2Expression.DateLiteral;
import org.wufei.gis.ogc.filter.Cql2Expression.TemporalLiteral;
import org.wufei.gis.ogc.filter.Cql2Expression.TimestampLiteral;

/** Literal conversions shared by both encodings, so text and JSON accept exactly the same values. */
final class Literals {

    static final GeometryFactory GEOMETRY_FACTORY = new GeometryFactory();

    private Literals() {
    }

    /** Parses an ISO date or instant; null for the open end {@code ..}. Returns null for text that is neither. */
    static TemporalLiteral temporalOrNull(String text) {
        String t = text.trim();
        try {
            if (t.length() == 10) {
                return new DateLiteral(LocalDate.parse(t));
            }
            return new TimestampLiteral(OffsetDateTime.parse(t).toInstant());
        } catch (DateTimeParseException e) {
            try {
                // GDAL and hand-written URLs often drop the zone; the service works in UTC.
                return new TimestampLiteral(LocalDateTime.parse(t).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    static TemporalLiteral temporal(String text, int pos) {
        TemporalLiteral lit = temporalOrNull(text);
        if (lit == null) {
            throw Cql2Exception.syntaxOf(pos, "cql2.temporal_invalid", text);
        }
        return lit;
    }

    static TimestampLiteral timestamp(String text, int pos) {
        TemporalLiteral lit = temporal(text, pos);
        if (lit instanceof DateLiteral d) {
            return new TimestampLiteral(d.value().atStartOfDay().toInstant(ZoneOffset.UTC));
        }
        return (TimestampLiteral) lit;
    }

    static DateLiteral date(String text, int pos) {
        try {
            return new DateLiteral(LocalDate.parse(text.trim()));
        } catch (DateTimeParseException e) {
            throw Cql2Exception.syntaxOf(pos, "cql2.date_invalid", text);
        }
    }

    /** An interval end: {@code ..} (or empty) is open and becomes null. */
    static TemporalLiteral intervalEnd(String text, int pos) {
        String t = text.trim();
        return t.equals("..") || t.isEmpty() ? null : temporal(t, pos);
    }

    /**
     * A BBOX literal as a polygon: 4 numbers (minx, miny, maxx, maxy) or 6 (with z). A box whose minx exceeds
     * maxx crosses the antimeridian and becomes two boxes.
     */
    static Geometry bbox(List<BigDecimal> values, int pos) {
        double minx;
        double miny;
        double maxx;
        double maxy;
        if (values.size() == 4) {
            minx = values.get(0).doubleValue();
            miny = values.get(1).doubleValue();
            maxx = values.get(2).doubleValue();
            maxy = values.get(3).doubleValue();
        } else if (values.size() == 6) {
            minx = values.get(0).doubleValue();
            miny = values.get(1).doubleValue();
            maxx = values.get(3).doubleValue();
            maxy = values.get(4).doubleValue();
        } else {
            throw Cql2Exception.syntaxOf(pos, "cql2.bbox_arity");
        }
        if (miny > maxy) {
            throw Cql2Exception.syntaxOf(pos, "cql2.bbox_y");
        }
        if (minx > maxx) {
            Polygon east = box(minx, miny, 180, maxy);
            Polygon west = box(-180, miny, maxx, maxy);
            return GEOMETRY_FACTORY.createMultiPolygon(new Polygon[] {east, west});
        }
        return box(minx, miny, maxx, maxy);
    }

    private static Polygon box(double minx, double miny, double maxx, double maxy) {
        return (Polygon) GEOMETRY_FACTORY.toGeometry(new Envelope(minx, maxx, miny, maxy));
    }

    /** Converts a distance with a unit name to metres; CQL2 itself defines no units, so we accept the usual ones. */
    static double metres(BigDecimal distance, String unit, int pos) {
        double d = distance.doubleValue();
        if (d < 0 || Double.isNaN(d) || Double.isInfinite(d)) {
            throw Cql2Exception.syntaxOf(pos, "cql2.distance_negative");
        }
        if (unit == null) {
            return d;
        }
        return switch (unit.trim().toLowerCase(Locale.ROOT)) {
            case "m", "meter", "meters", "metre", "metres" -> d;
            case "km", "kilometer", "kilometers", "kilometre", "kilometres" -> d * 1000;
            default -> throw Cql2Exception.syntaxOf(pos, "cql2.distance_unit", unit);
        };
    }

    static Instant startOfDay(LocalDate d) {
        return d.atStartOfDay().toInstant(ZoneOffset.UTC);
    }
}
