package org.wufei.gis.detections;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.io.WKTReader;
import org.wufei.gis.imports.normalise.FeatureNormaliser;

/** The binary COPY layout PostgreSQL reads (the import ITs on PostGIS read it back through the database). */
class BinaryCopyRowsTest {

    @Test
    void eachFieldIsItsLengthThenItsBigEndianValue() throws Exception {
        Geometry g = new WKTReader(FeatureNormaliser.WGS84).read("POLYGON ((110.3 40.7, 110.31 40.7, 110.3 40.71, "
                + "110.3 40.7))");
        g.setSRID(4326);
        BinaryCopyRows rows = new BinaryCopyRows(8); // grows as it goes
        rows.row(8).int8(42L).int8((Long) null).float8(0.85).text("堆场\t\\N").date(LocalDate.of(1999, 12, 31))
                .date(LocalDate.of(2000, 1, 2)).bool(true).geometry(g);
        ByteBuffer b = ByteBuffer.wrap(rows.toByteArray());
        assertThat(b.getShort()).isEqualTo((short) 8);
        assertThat(b.getInt()).isEqualTo(8);
        assertThat(b.getLong()).isEqualTo(42L);
        assertThat(b.getInt()).isEqualTo(-1);
        assertThat(b.getInt()).isEqualTo(8);
        assertThat(b.getDouble()).isEqualTo(0.85);
        byte[] text = "堆场\t\\N".getBytes(StandardCharsets.UTF_8);
        assertThat(b.getInt()).isEqualTo(text.length);
        byte[] read = new byte[text.length];
        b.get(read);
        assertThat(read).isEqualTo(text);
        assertThat(b.getInt()).isEqualTo(4);
        assertThat(b.getInt()).isEqualTo(-1); // days since 2000-01-01
        assertThat(b.getInt()).isEqualTo(4);
        assertThat(b.getInt()).isEqualTo(1);
        assertThat(b.getInt()).isEqualTo(1);
        assertThat(b.get()).isEqualTo((byte) 1);
        byte[] ewkb = new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN, true).write(g);
        assertThat(b.getInt()).isEqualTo(ewkb.length);
        byte[] geometry = new byte[ewkb.length];
        b.get(geometry);
        assertThat(geometry).isEqualTo(ewkb);
        assertThat(b.hasRemaining()).isFalse();
    }

    @Test
    void theStreamStartsWithTheSignatureAndEndsWithMinusOne() {
        assertThat(new String(BinaryCopyRows.HEADER, 0, 11, StandardCharsets.ISO_8859_1))
                .isEqualTo("PGCOPY\n\u00ff\r\n\0");
        assertThat(BinaryCopyRows.HEADER).hasSize(19);
        assertThat(ByteBuffer.wrap(BinaryCopyRows.TRAILER).getShort()).isEqualTo((short) -1);
    }
}
