package org.wufei.gis.ogc.features;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.wufei.gis.common.ApiException;

/**
 * The {@code datetime} parameter: an instant, a date, or an interval {@code start/end} whose ends may be open
 * ({@code ..} or empty). Dates cover their whole UTC day.
 *
 * @param start inclusive start, or null when open
 * @param end inclusive end, or null when open
 */
record DatetimeParam(Instant start, Instant end) {

    static DatetimeParam parse(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        int slash = v.indexOf('/');
        DatetimeParam p;
        if (slash < 0) {
            p = new DatetimeParam(begin(v, value), finish(v, value));
        } else {
            String a = v.substring(0, slash).strip();
            String b = v.substring(slash + 1).strip();
            if (open(a) && open(b)) {
                throw ApiException.badRequest("datetime_invalid", OgcParams.DATETIME, value);
            }
            p = new DatetimeParam(open(a) ? null : begin(a, value), open(b) ? null : finish(b, value));
        }
        if (p.start != null && p.end != null && p.start.isAfter(p.end)) {
            throw ApiException.badRequest("datetime_invalid", OgcParams.DATETIME, value);
        }
        return p;
    }

    private static boolean open(String s) {
        return s.isEmpty() || s.equals("..");
    }

    private static Instant begin(String s, String whole) {
        if (s.length() == 10) {
            return date(s, whole).atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        return instant(s, whole);
    }

    private static Instant finish(String s, String whole) {
        if (s.length() == 10) {
            return date(s, whole).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusNanos(1000);
        }
        return instant(s, whole);
    }

    private static LocalDate date(String s, String whole) {
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("datetime_invalid", OgcParams.DATETIME, whole);
        }
    }

    private static Instant instant(String s, String whole) {
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("datetime_invalid", OgcParams.DATETIME, whole);
        }
    }

    OffsetDateTime startUtc() {
        return start == null ? null : OffsetDateTime.ofInstant(start, ZoneOffset.UTC);
    }

    OffsetDateTime endUtc() {
        return end == null ? null : OffsetDateTime.ofInstant(end, ZoneOffset.UTC);
    }
}
