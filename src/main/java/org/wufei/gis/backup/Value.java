package org.wufei.gis.backup;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;

/**
 * How one column's values travel through a backup, decided by its SQL type name on either database, so that a dump
 * of H2GIS restores into PostGIS and back with the same values: geometries as WKB with their SRID, times as ISO
 * instants, binary as base64.
 */
enum Value {
    GEOMETRY, INTEGER, DECIMAL, DOUBLE, BOOLEAN, DATE, TIMESTAMPTZ, TIMESTAMP, BINARY, JSON, TEXT;

    static Value of(String typeName) {
        String t = typeName.toLowerCase(java.util.Locale.ROOT);
        if (t.contains("geometry")) {
            return GEOMETRY;
        }
        if (t.matches("bigint|int8|integer|int4|int|smallint|int2|tinyint|bigserial|serial")) {
            return INTEGER;
        }
        if (t.matches("numeric|decimal")) {
            return DECIMAL;
        }
        if (t.matches("double precision|float8|double|real|float4|float|decfloat")) {
            return DOUBLE;
        }
        if (t.matches("boolean|bool|bit")) {
            return BOOLEAN;
        }
        if (t.equals("date")) {
            return DATE;
        }
        if (t.equals("timestamptz") || t.equals("timestamp with time zone")) {
            return TIMESTAMPTZ;
        }
        if (t.startsWith("timestamp")) {
            return TIMESTAMP;
        }
        if (t.matches("bytea|binary|varbinary|blob|binary varying|binary large object")) {
            return BINARY;
        }
        return t.startsWith("json") ? JSON : TEXT;
    }

    /** The select-list expression that reads this column. */
    String select(String column) {
        return this == GEOMETRY ? "ST_AsBinary(" + column + "), ST_SRID(" + column + ")" : column;
    }

    /** The placeholder that writes this column on the given database. */
    String placeholder(boolean postgres) {
        return switch (this) {
            case GEOMETRY -> "ST_GeomFromWKB(?, ?)";
            case JSON -> postgres ? "CAST(? AS jsonb)" : "? FORMAT JSON";
            default -> "?";
        };
    }

    /** Writes the value at {@code index} (and the SRID after a geometry); returns the next column index. */
    int write(ResultSet rs, int index, JsonGenerator out) throws SQLException {
        switch (this) {
            case GEOMETRY -> {
                byte[] wkb = rs.getBytes(index);
                if (wkb == null) {
                    out.writeNull();
                } else {
                    out.writeStartArray();
                    out.writeString(HexFormat.of().formatHex(wkb));
                    out.writeNumber(rs.getInt(index + 1));
                    out.writeEndArray();
                }
                return index + 2;
            }
            case INTEGER -> writeOrNull(out, rs.getObject(index) == null ? null : rs.getLong(index));
            case DECIMAL -> writeOrNull(out, rs.getBigDecimal(index));
            case DOUBLE -> writeOrNull(out, rs.getObject(index) == null ? null : rs.getDouble(index));
            case BOOLEAN -> writeOrNull(out, rs.getObject(index) == null ? null : rs.getBoolean(index));
            case DATE -> writeOrNull(out, rs.getObject(index, LocalDate.class));
            case TIMESTAMPTZ -> {
                OffsetDateTime t = rs.getObject(index, OffsetDateTime.class);
                writeOrNull(out, t == null ? null : t.toInstant());
            }
            case TIMESTAMP -> writeOrNull(out, rs.getObject(index, LocalDateTime.class));
            case BINARY -> {
                byte[] b = rs.getBytes(index);
                writeOrNull(out, b == null ? null : Base64.getEncoder().encodeToString(b));
            }
            default -> writeOrNull(out, rs.getString(index));
        }
        return index + 1;
    }

    private static void writeOrNull(JsonGenerator out, Object v) {
        if (v == null) {
            out.writeNull();
        } else if (v instanceof Long l) {
            out.writeNumber(l);
        } else if (v instanceof Double d) {
            out.writeNumber(d);
        } else if (v instanceof BigDecimal d) {
            out.writeNumber(d);
        } else if (v instanceof Boolean b) {
            out.writeBoolean(b);
        } else {
            out.writeString(v.toString());
        }
    }

    /** Binds a dumped value at {@code index} (and the SRID after a geometry); returns the next parameter index. */
    int bind(PreparedStatement ps, int index, JsonNode v) throws SQLException {
        boolean nil = v == null || v.isNull();
        switch (this) {
            case GEOMETRY -> {
                ps.setBytes(index, nil ? null : HexFormat.of().parseHex(v.get(0).asString()));
                ps.setInt(index + 1, nil ? 0 : v.get(1).asInt());
                return index + 2;
            }
            case INTEGER -> ps.setObject(index, nil ? null : v.asLong());
            case DECIMAL -> ps.setBigDecimal(index, nil ? null : v.decimalValue());
            case DOUBLE -> ps.setObject(index, nil ? null : v.asDouble());
            case BOOLEAN -> ps.setObject(index, nil ? null : v.asBoolean());
            case DATE -> ps.setObject(index, nil ? null : LocalDate.parse(v.asString()));
            case TIMESTAMPTZ -> ps.setObject(index, nil ? null
                    : java.time.Instant.parse(v.asString()).atOffset(ZoneOffset.UTC));
            case TIMESTAMP -> ps.setObject(index, nil ? null : LocalDateTime.parse(v.asString()));
            case BINARY -> ps.setBytes(index, nil ? null : Base64.getDecoder().decode(v.asString()));
            default -> ps.setString(index, nil ? null : v.asString());
        }
        return index + 1;
    }
}
