package org.wufei.gis.imports.read.geopackage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GeoPackageBlobTest {

    private static final byte[] WKB = {1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};

    @ParameterizedTest(name = "{0} header, envelope kind {1}")
    @CsvSource({
        "LITTLE_ENDIAN, 0, 8", "BIG_ENDIAN, 0, 8",
        "LITTLE_ENDIAN, 1, 40", "BIG_ENDIAN, 1, 40",
        "LITTLE_ENDIAN, 2, 56", "BIG_ENDIAN, 3, 56",
        "LITTLE_ENDIAN, 4, 72", "BIG_ENDIAN, 4, 72"})
    void theWkbStartsAfterTheEnvelopeInEitherByteOrder(String order, int envelopeKind, int wkbOffset) {
        byte[] blob = blob(order.equals("BIG_ENDIAN") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN,
                envelopeKind, 0, 4546);

        assertThat(GeoPackageBlob.read(blob)).isEqualTo(new GeoPackageBlob(4546, false, wkbOffset));
    }

    @Test
    void theEmptyFlagIsRead() {
        assertThat(GeoPackageBlob.read(blob(ByteOrder.LITTLE_ENDIAN, 0, 0x10, 4326)).empty()).isTrue();
    }

    @Test
    void blobsThatAreNotStandardGeoPackageBinaryAreLeftToNga() {
        byte[] extended = blob(ByteOrder.LITTLE_ENDIAN, 1, 0x20, 4326);
        byte[] unknownEnvelope = blob(ByteOrder.LITTLE_ENDIAN, 0, 5 << 1, 4326);
        byte[] otherVersion = blob(ByteOrder.LITTLE_ENDIAN, 0, 0, 4326);
        otherVersion[2] = 1;
        byte[] noMagic = blob(ByteOrder.LITTLE_ENDIAN, 0, 0, 4326);
        noMagic[0] = 'X';
        byte[] shorterThanItsEnvelope = Arrays.copyOf(blob(ByteOrder.BIG_ENDIAN, 4, 0, 4326), 20);

        assertThat(List.of(extended, unknownEnvelope, otherVersion, noMagic, shorterThanItsEnvelope, new byte[] {'G', 'P'}))
                .allSatisfy(b -> assertThat(GeoPackageBlob.read(b)).isNull());
    }

    private static byte[] blob(ByteOrder order, int envelopeKind, int extraFlags, int srsId) {
        return blob(order, envelopeKind, extraFlags, srsId, WKB);
    }

    /**
     * A blob with the given header, an envelope of the kind's size (made-up numbers: the reader only skips it), then
     * the WKB.
     */
    static byte[] blob(ByteOrder order, int envelopeKind, int extraFlags, int srsId, byte[] wkb) {
        int envelopeDoubles = new int[] {0, 4, 6, 6, 8, 0, 0, 0}[envelopeKind];
        ByteBuffer b = ByteBuffer.allocate(8 + 8 * envelopeDoubles + wkb.length).order(order);
        b.put((byte) 'G').put((byte) 'P').put((byte) 0)
                .put((byte) ((order == ByteOrder.LITTLE_ENDIAN ? 1 : 0) | envelopeKind << 1 | extraFlags))
                .putInt(srsId);
        for (int i = 0; i < envelopeDoubles; i++) {
            b.putDouble(-1 - i);
        }
        return b.put(wkb).array();
    }
}
