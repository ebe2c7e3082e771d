package org.wufei.gis.catalog;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** JDBC values as the catalog hands them on: typed by the property, timestamps as instants, dates as dates. */
final class SqlValues {
    private SqlValues() {
    }

    /** An extra column's value: dates as {@link java.time.LocalDate}, timestamps as {@link Instant}. */
    static Object extra(Object raw) {
        if (raw instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (raw instanceof Timestamp || raw instanceof OffsetDateTime) {
            return instant(raw);
        }
        return raw;
    }

    static Object value(Object raw, Property.Type type) {
        if (raw == null) {
            return null;
        }
        return switch (type) {
            case TIMESTAMP -> instant(raw);
            case INTEGER -> ((Number) raw).longValue();
            case NUMBER -> ((Number) raw).doubleValue();
            case BOOLEAN -> raw instanceof Boolean b ? b : Boolean.valueOf(raw.toString());
            case STRING -> raw.toString();
        };
    }

    static Instant instant(Object raw) {
        if (raw == null) {
            return null;
        }
        if (raw instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (raw instanceof Timestamp t) {
            return t.toInstant();
        }
        if (raw instanceof Instant i) {
            return i;
        }
        if (raw instanceof java.time.ZonedDateTime z) {
            return z.toInstant();
        }
        if (raw instanceof java.time.LocalDateTime l) {
            return l.toInstant(java.time.ZoneOffset.UTC);
        }
        throw new IllegalStateException("not a timestamp: " + raw.getClass());
    }
}
