package org.wufei.gis.imports.read;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Decides which encoding attribute text is in: files from Chinese desktop GIS and Excel are usually GBK, newer
 * ones UTF-8, and the two are told apart by whether the bytes are valid UTF-8.
 */
public final class TextEncodings {

    /** GB18030 is a superset of GBK and GB2312, so it decodes all three correctly. */
    static final Charset GB18030 = Charset.forName("GB18030");

    private TextEncodings() {
    }

    /** UTF-8 when the bytes are valid UTF-8 (pure ASCII included), otherwise GB18030. */
    public static Charset detect(byte[] bytes, int length) {
        return isValidUtf8(bytes, length) ? StandardCharsets.UTF_8 : GB18030;
    }

    static boolean isValidUtf8(byte[] bytes, int length) {
        // A multi-byte sequence cut at the sample's end is not evidence against UTF-8.
        int end = length;
        int back = 0;
        while (end > 0 && back < 3 && (bytes[end - 1] & 0xC0) == 0x80) {
            end--;
            back++;
        }
        if (end > 0 && (bytes[end - 1] & 0xC0) == 0xC0) {
            end--;
        } else {
            end = length;
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, end));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    static boolean hasNonAscii(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] < 0) {
                return true;
            }
        }
        return false;
    }

    /** Reads a .cpg's content ("UTF-8", "GBK", "936", "ANSI 936", "65001"); null when it names no known charset. */
    static Charset fromCodePage(String cpg) {
        String s = cpg.trim().toUpperCase(Locale.ROOT);
        if (s.startsWith("ANSI ")) {
            s = s.substring(5).trim();
        }
        switch (s) {
            case "65001", "UTF8", "UTF-8" -> {
                return StandardCharsets.UTF_8;
            }
            case "936", "CP936", "GBK", "GB2312", "GB18030" -> {
                return GB18030;
            }
            default -> {
                if (s.matches("\\d+")) {
                    s = "windows-" + s;
                }
                try {
                    return Charset.forName(s);
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
    }

    static boolean isChinese(Charset cs) {
        String n = cs.name().toUpperCase(Locale.ROOT);
        return n.equals("GB18030") || n.equals("GBK") || n.equals("GB2312");
    }
}
