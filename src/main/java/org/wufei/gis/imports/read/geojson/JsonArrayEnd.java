package org.wufei.gis.imports.read.geojson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds where a JSON array ends by counting brackets outside strings, byte by byte, without tokenising what is
 * inside: several times faster than a parser's skip, for jumping over a GeoJSON {@code features} array to read the
 * members that follow it. Checks nesting, not syntax; the features are parsed properly when they are read.
 */
final class JsonArrayEnd {
    private static final int BUFFER = 1 << 16;

    private JsonArrayEnd() {
    }

    /** The offset just past the {@code ]} that closes the array opening at or after {@code from}; -1 if none. */
    static long find(Path file, long from) {
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(from);
            byte[] buf = new byte[BUFFER];
            long offset = from;
            int depth = 0;
            boolean inString = false;
            boolean escaped = false;
            for (int n = in.read(buf); n > 0; n = in.read(buf)) {
                for (int i = 0; i < n; i++) {
                    byte b = buf[i];
                    if (inString) {
                        if (escaped) {
                            escaped = false;
                        } else if (b == '\\') {
                            escaped = true;
                        } else if (b == '"') {
                            inString = false;
                        }
                    } else if (b == '"') {
                        inString = true;
                    } else if (b == '[' || b == '{') {
                        depth++;
                    } else if ((b == ']' || b == '}') && --depth == 0) {
                        return offset + i + 1;
                    }
                }
                offset += n;
            }
            return -1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
