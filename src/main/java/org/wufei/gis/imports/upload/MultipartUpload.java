package org.wufei.gis.imports.upload;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.wufei.gis.common.ApiException;

/**
 * An upload's {@code multipart/form-data} body (RFC 7578) read in one pass: the file part goes straight to disk
 * while its SHA-256 is computed, the other parts are kept as text. Tomcat's parser (a copy of Commons FileUpload)
 * tests every byte against the boundary and was 60 % of receiving a 26 MB GeoPackage; here the delimiter is found
 * with Boyer–Moore–Horspool, which looks at one byte in about forty, and the bytes are hashed on the way instead
 * of being read again. Limits: the file part's size (413 {@code upload_too_large}), the request's size, each
 * text part (64 KiB), the number of parts and the header block; anything else malformed is 400
 * {@code multipart_malformed}. A body refused half-way leaves no file behind; after that the file is the caller's.
 */
public final class MultipartUpload {
    private static final int BUFFER = 1 << 16;
    private static final int MAX_TEXT = 64 * 1024;
    private static final int MAX_PARTS = 100;
    private static final int MAX_HEADER_BYTES = 16 * 1024;
    private static final int MAX_BOUNDARY = 200;

    /** The limits a body is read under, in bytes. */
    public record Limits(long maxFileBytes, long maxRequestBytes) {
    }

    private final Map<String, String> fields;
    private final Map<String, String> fileNames;
    private final Path file;
    private final String fileName;
    private final String sha256;
    private final long size;

    private MultipartUpload(Map<String, String> fields, Map<String, String> fileNames, Path file, String fileName,
            String sha256, long size) {
        this.fields = fields;
        this.fileNames = fileNames;
        this.file = file;
        this.fileName = fileName;
        this.sha256 = sha256;
        this.size = size;
    }

    /**
     * Reads the body; the part named {@code fileField} that carries a file name is written to the path
     * {@code target} gives for that name. Other parts with a file name are only noted by name
     * ({@link #otherFileParts()}) and their bytes dropped.
     */
    public static MultipartUpload read(InputStream in, String contentType, long contentLength, Limits limits,
            String fileField, Function<String, Path> target) throws IOException {
        if (contentLength > limits.maxRequestBytes()) {
            throw tooLarge();
        }
        Reader r = new Reader(in, boundary(contentType), limits.maxRequestBytes());
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, String> others = new LinkedHashMap<>();
        String fileName = null;
        Path file = null;
        String sha = null;
        long size = 0;
        boolean done = false;
        try {
            r.skipPreamble();
            for (int parts = 0; r.nextPart(); parts++) {
                if (parts == MAX_PARTS) {
                    throw malformed();
                }
                ContentDisposition cd = r.headers();
                String name = cd.getName();
                if (name == null || !cd.isFormData()) {
                    r.body(OutputStream.nullOutputStream(), limits.maxFileBytes(), MultipartUpload::tooLarge);
                    continue;
                }
                String partFile = cd.getFilename();
                if (partFile == null) {
                    TextSink text = new TextSink();
                    r.body(text, MAX_TEXT, MultipartUpload::malformed);
                    fields.putIfAbsent(name, text.toString());
                } else if (name.equals(fileField) && fileName == null) {
                    MessageDigest digest = newDigest();
                    fileName = partFile;
                    file = target.apply(partFile);
                    try (OutputStream out = Files.newOutputStream(file)) {
                        size = r.body(new DigestingSink(out, digest), limits.maxFileBytes(),
                                MultipartUpload::tooLarge);
                    }
                    sha = HexFormat.of().formatHex(digest.digest());
                } else {
                    r.body(OutputStream.nullOutputStream(), limits.maxFileBytes(), MultipartUpload::tooLarge);
                    others.putIfAbsent(name, partFile);
                }
            }
            done = true;
        } finally {
            if (!done && file != null) {
                Files.deleteIfExists(file);
            }
        }
        return new MultipartUpload(Collections.unmodifiableMap(fields), Collections.unmodifiableMap(others),
                file, fileName, sha, size);
    }

    /** The text parts by name (the first of a name wins), in the order sent. */
    public Map<String, String> fields() {
        return fields;
    }

    /** Parts that carried a file but are not the file field, by name, with their file names. */
    public Map<String, String> otherFileParts() {
        return fileNames;
    }

    /** Where the file part was written, or null when the body had none. */
    public Path file() {
        return file;
    }

    /** The file name the client gave, as sent. */
    public String fileName() {
        return fileName;
    }

    /** The file's SHA-256 in lower-case hex. */
    public String sha256() {
        return sha256;
    }

    long size() {
        return size;
    }

    private static String boundary(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            String b = type.getParameter("boundary");
            if (type.isCompatibleWith(MediaType.MULTIPART_FORM_DATA) && b != null) {
                if (b.length() >= 2 && b.startsWith("\"") && b.endsWith("\"")) {
                    b = b.substring(1, b.length() - 1);
                }
                if (!b.isEmpty() && b.length() <= MAX_BOUNDARY) {
                    return b;
                }
            }
        } catch (RuntimeException e) {
            // answered below
        }
        throw malformed();
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static ApiException malformed() {
        return new ApiException(HttpStatus.BAD_REQUEST, "multipart_malformed", null);
    }

    static ApiException tooLarge() {
        return new ApiException(HttpStatus.CONTENT_TOO_LARGE, "upload_too_large", "file");
    }

    /** The body's bytes, a buffer at a time, with the delimiter found by Boyer–Moore–Horspool. */
    private static final class Reader {
        private final InputStream in;
        private final byte[] delimiter; // CRLF "--" boundary
        private final int[] skip = new int[256];
        private final long maxRequest;
        private final byte[] buf = new byte[BUFFER];
        private int pos;
        private int lim;
        private long consumed;
        private boolean eof;

        Reader(InputStream in, String boundary, long maxRequest) {
            this.in = in;
            this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
            this.maxRequest = maxRequest;
            int last = delimiter.length - 1;
            Arrays.fill(skip, delimiter.length);
            for (int k = 0; k < last; k++) {
                skip[delimiter[k] & 0xff] = last - k;
            }
            // the first delimiter may open the body without a line break before it: read as if there were one
            buf[0] = '\r';
            buf[1] = '\n';
            lim = 2;
        }

        void skipPreamble() throws IOException {
            body(OutputStream.nullOutputStream(), Long.MAX_VALUE, MultipartUpload::tooLarge);
        }

        /** After a delimiter: true when a part follows, false at the closing delimiter. */
        boolean nextPart() throws IOException {
            require(2);
            if (buf[pos] == '-' && buf[pos + 1] == '-') {
                return false;
            }
            while (true) { // transport padding, then CRLF
                require(1);
                byte b = buf[pos];
                if (b != ' ' && b != '\t') {
                    break;
                }
                pos++;
            }
            require(2);
            if (buf[pos] != '\r' || buf[pos + 1] != '\n') {
                throw malformed();
            }
            pos += 2;
            return true;
        }

        /** The part's header lines; returns its Content-Disposition (an empty one when it has none). */
        ContentDisposition headers() throws IOException {
            ContentDisposition cd = ContentDisposition.empty();
            int total = 0;
            while (true) {
                int eol = lineEnd();
                int length = eol - pos;
                total += length + 2;
                if (total > MAX_HEADER_BYTES) {
                    throw malformed();
                }
                String line = new String(buf, pos, length, StandardCharsets.UTF_8);
                pos = eol + 2;
                if (line.isEmpty()) {
                    return cd;
                }
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase("Content-Disposition")) {
                    try {
                        cd = ContentDisposition.parse(line.substring(colon + 1).strip());
                    } catch (IllegalArgumentException e) {
                        throw malformed();
                    }
                }
            }
        }

        /** Where the line starting at pos ends (its CR), reading more as needed. */
        private int lineEnd() throws IOException {
            int from = pos;
            while (true) {
                for (int i = from; i + 1 < lim; i++) {
                    if (buf[i] == '\r' && buf[i + 1] == '\n') {
                        return i;
                    }
                }
                if (lim - pos > MAX_HEADER_BYTES) {
                    throw malformed();
                }
                from = Math.max(pos, lim - 1);
                int before = pos;
                if (!fill()) {
                    throw malformed();
                }
                from -= before - pos; // fill moved the unread bytes to the start
            }
        }

        /**
         * Copies the part's bytes up to the next delimiter to {@code out} and steps over the delimiter; returns how
         * many were copied. More than {@code max} throws {@code over}'s exception; a body that ends first is malformed.
         */
        long body(OutputStream out, long max, Supplier<ApiException> over) throws IOException {
            long n = 0;
            int keep = delimiter.length - 1;
            while (true) {
                int found = find(pos, lim);
                int end = found >= 0 ? found : Math.max(pos, lim - keep);
                n += end - pos;
                if (n > max) {
                    throw over.get();
                }
                if (end > pos) {
                    out.write(buf, pos, end - pos);
                }
                pos = end;
                if (found >= 0) {
                    pos += delimiter.length;
                    return n;
                }
                if (!fill()) {
                    throw malformed();
                }
            }
        }

        private int find(int from, int to) {
            int last = delimiter.length - 1;
            byte tail = delimiter[last];
            int i = from;
            while (i + last < to) {
                byte b = buf[i + last];
                if (b == tail) {
                    int j = last - 1;
                    while (j >= 0 && buf[i + j] == delimiter[j]) {
                        j--;
                    }
                    if (j < 0) {
                        return i;
                    }
                }
                i += skip[b & 0xff];
            }
            return -1;
        }

        /** Makes at least {@code n} unread bytes available; a body that ends first is malformed. */
        private void require(int n) throws IOException {
            while (lim - pos < n) {
                if (!fill()) {
                    throw malformed();
                }
            }
        }

        /** Moves the unread bytes to the front and reads more; false at the end of the body. */
        private boolean fill() throws IOException {
            if (eof) {
                return false;
            }
            if (pos > 0) {
                System.arraycopy(buf, pos, buf, 0, lim - pos);
                lim -= pos;
                pos = 0;
            }
            int r = in.read(buf, lim, buf.length - lim);
            if (r < 0) {
                eof = true;
                return false;
            }
            consumed += r;
            if (consumed > maxRequest) {
                throw tooLarge();
            }
            lim += r;
            return true;
        }
    }

    /** A text part's bytes, decoded as UTF-8 at the end. */
    private static final class TextSink extends ByteArrayOutputStream {
        @Override
        public String toString() {
            return toString(StandardCharsets.UTF_8);
        }
    }

    /** Writes through and feeds the digest with the same bytes. */
    private static final class DigestingSink extends OutputStream {
        private final OutputStream out;
        private final MessageDigest digest;

        DigestingSink(OutputStream out, MessageDigest digest) {
            this.out = out;
            this.digest = digest;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            digest.update((byte) b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            digest.update(b, off, len);
        }
    }
}
