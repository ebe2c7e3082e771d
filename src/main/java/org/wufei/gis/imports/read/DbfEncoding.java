package org.wufei.gis.imports.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** The text encoding of a shapefile's DBF: its .cpg, the uploader's choice, or what its bytes say. */
final class DbfEncoding {
    /** Enough of the DBF records to tell UTF-8 from GBK without reading a large file twice. */
    private static final int ENCODING_SAMPLE_BYTES = 4 * 1024 * 1024;

    private DbfEncoding() {
    }

    /**
     * The .cpg wins, then the caller's choice, then detection. A .cpg that contradicts the bytes (UTF-8 declared
     * but the bytes are not UTF-8, or GBK declared but the bytes are valid non-ASCII UTF-8) is overruled with a
     * warning, because decoding with it would only produce mojibake.
     */
    static Charset of(Path dbf, String cpg, Charset chosen, Consumer<String> warn) {
        byte[] sample = dbfRecordSample(dbf);
        boolean utf8 = TextEncodings.isValidUtf8(sample, sample.length);
        boolean nonAscii = TextEncodings.hasNonAscii(sample, sample.length);
        Charset declared = cpg == null ? null : TextEncodings.fromCodePage(cpg);
        if (declared != null) {
            if (declared.equals(StandardCharsets.UTF_8) && !utf8) {
                warn.accept("import.cpg_not_utf8");
                return TextEncodings.GB18030;
            }
            if (TextEncodings.isChinese(declared) && utf8 && nonAscii) {
                warn.accept("import.cpg_is_utf8");
                return StandardCharsets.UTF_8;
            }
            return declared;
        }
        if (chosen != null) {
            return chosen;
        }
        return utf8 ? StandardCharsets.UTF_8 : TextEncodings.GB18030;
    }

    private static byte[] dbfRecordSample(Path dbf) {
        try (InputStream in = Files.newInputStream(dbf)) {
            byte[] header = in.readNBytes(32);
            int headerLength = header.length >= 10 ? (header[8] & 0xff) | (header[9] & 0xff) << 8 : 0;
            in.skipNBytes(Math.max(0, headerLength - header.length));
            return in.readNBytes(ENCODING_SAMPLE_BYTES);
        } catch (IOException e) {
            throw ImportException.unreadable("dbf", e);
        }
    }
}
