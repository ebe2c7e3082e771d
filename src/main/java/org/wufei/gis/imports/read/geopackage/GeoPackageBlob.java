package org.wufei.gis.imports.read.geopackage;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The header of a GeoPackage geometry blob (GeoPackage 1.x, "StandardGeoPackageBinary"), read so that the WKB after
 * it goes straight to JTS instead of through NGA's own geometry model and back to bytes.
 *
 * <p>Layout: magic {@code "GP"}, version byte (0 for 1.x), flags byte (bit 0 byte order of the header, bits 1–3
 * envelope kind, bit 4 empty geometry, bit 5 extended binary), a 4-byte {@code srs_id}, an optional envelope of 0,
 * 4, 6 or 8 doubles, then the WKB.
 *
 * @param srsId     the header's srs_id
 * @param empty     the empty-geometry flag
 * @param wkbOffset where the WKB starts
 *
 * <p><b>Hand-written instead of the library (NGA GeoPackage's geometry model) because:</b> NGA parsed every blob
 * into its own model and wrote it back to WKB. <b>Gain:</b> reading 100,000 rows 0.69 s, now 0.30 s warm (1.9 to
 * 1.3 s on a first pass; docs/benchmarks.md, "GeoPackage rows without NGA's row objects"; commit f69b1f2), about
 * 13 % of a warm GeoPackage import (2.4-3.9 s). Non-standard blobs still go through NGA. <b>Held equal to the
 * library by</b> {@code GeoPackageBlobTest} and {@code GeoPackageFeatureSourceTest}.
 */
record GeoPackageBlob(int srsId, boolean empty, int wkbOffset) {

    private static final int FIXED = 8;
    private static final int[] ENVELOPE_BYTES = {0, 32, 48, 48, 64};

    /**
     * The header of a standard blob, or null for anything else (no "GP" magic, another version, the extended
     * binary, an unknown envelope kind, too short): such blobs are left to NGA, which reports them as it always did.
     */
    static GeoPackageBlob read(byte[] blob) {
        if (blob.length < FIXED || blob[0] != 'G' || blob[1] != 'P' || blob[2] != 0) {
            return null;
        }
        int flags = blob[3];
        int envelope = (flags >> 1) & 0x07;
        if ((flags & 0x20) != 0 || envelope >= ENVELOPE_BYTES.length) {
            return null;
        }
        int wkbOffset = FIXED + ENVELOPE_BYTES[envelope];
        if (blob.length < wkbOffset) {
            return null;
        }
        ByteOrder order = (flags & 0x01) != 0 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        int srsId = ByteBuffer.wrap(blob, 4, 4).order(order).getInt();
        return new GeoPackageBlob(srsId, (flags & 0x10) != 0, wkbOffset);
    }
}
