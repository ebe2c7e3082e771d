package org.wufei.gis.common.multipart;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.wufei.gis.common.ApiException;

/**
 * An upload's {@code multipart/form-data} body (RFC 7578) read in one pass with Commons FileUpload's streaming API:
 * the file part goes straight to its file while its SHA-256 is computed (no temporary copy, no second read), the
 * other parts are kept as text. Limits: the file part's and the request's size (413 {@code upload_too_large}),
 * each text part (64 KiB), the number of parts (100) and each part's header block (16 KiB); a missing boundary, a
 * truncated body, a body without parts or anything else malformed is 400 {@code multipart_malformed}. Transport
 * padding after a delimiter (RFC 2046 allows it; browsers, curl and GDAL never send it) is not accepted by the
 * library. A body refused half-way leaves no file behind; after that the file is the caller's.
 */
public final class MultipartUpload {
    private static final int BUFFER = 1 << 16;

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
            throw MultipartParsing.tooLarge();
        }
        Parts parts = new Parts(fileField, target);
        try {
            FileItemInputIterator items = MultipartParsing.parser(limits)
                    .getItemIterator(MultipartParsing.context(in, contentType, contentLength));
            int n = 0;
            for (; items.hasNext(); n++) {
                if (n == MultipartParsing.MAX_PARTS) {
                    throw MultipartParsing.malformed();
                }
                parts.take(items.next(), limits);
            }
            if (n == 0) {
                // no delimiter at all, or a body of nothing but the close delimiter
                throw MultipartParsing.malformed();
            }
            parts.done = true;
        } catch (WriteFailure e) {
            throw e.failure;
        } catch (IOException e) {
            throw MultipartParsing.refusal(e, limits);
        } finally {
            if (!parts.done && parts.file != null) {
                Files.deleteIfExists(parts.file);
            }
        }
        return new MultipartUpload(Collections.unmodifiableMap(parts.fields),
                Collections.unmodifiableMap(parts.others), parts.file, parts.fileName, parts.sha, parts.size);
    }

    /**
     * Reads a request's body with its file part {@code fileField} written to a new file in {@code dir} (created if
     * needed, named at random with the client's extension); a body without that file part is 400
     * {@code parameter_missing}. The file is the caller's to delete
     * ({@link #delete()}).
     */
    public static MultipartUpload read(HttpServletRequest request, Limits limits, String fileField, Path dir)
            throws IOException {
        Files.createDirectories(dir);
        MultipartUpload upload = read(request.getInputStream(), request.getContentType(),
                request.getContentLengthLong(), limits, fileField,
                name -> dir.resolve(UUID.randomUUID() + extension(name)));
        if (upload.file() == null) {
            throw ApiException.badRequest("parameter_missing", fileField, fileField);
        }
        return upload;
    }

    /** The name's extension (ASCII letters and digits only; format detection may look at it), or ".upload". */
    private static String extension(String name) {
        int dot = name == null ? -1 : name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).replaceAll("[^A-Za-z0-9]", "");
        return ext.isEmpty() ? ".upload" : "." + ext;
    }

    /** Deletes the file part's file, if any. */
    public void delete() {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // a temporary file the next clean-up of the work directory takes
        }
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

    public long size() {
        return size;
    }

    /** Writing the file failed: passed on as it is, not taken for a malformed body. */
    private static final class WriteFailure extends IOException {
        private final IOException failure;

        WriteFailure(IOException failure) {
            super(failure);
            this.failure = failure;
        }
    }

    /** What the parts read so far gave. */
    private static final class Parts {
        private final String fileField;
        private final Function<String, Path> target;
        private final Map<String, String> fields = new LinkedHashMap<>();
        private final Map<String, String> others = new LinkedHashMap<>();
        private String fileName;
        private Path file;
        private String sha;
        private long size;
        private boolean done;

        Parts(String fileField, Function<String, Path> target) {
            this.fileField = fileField;
            this.target = target;
        }

        void take(FileItemInput item, Limits limits) throws IOException {
            String name = item.getFieldName();
            try (InputStream body = item.getInputStream()) {
                if (name == null) {
                    copy(body, OutputStream.nullOutputStream());
                } else if (item.isFormField()) {
                    fields.putIfAbsent(name, MultipartParsing.text(body));
                } else if (name.equals(fileField) && fileName == null) {
                    MessageDigest digest = sha256Digest();
                    fileName = item.getName();
                    file = target.apply(fileName);
                    try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), digest)) {
                        size = copy(body, out);
                    }
                    sha = HexFormat.of().formatHex(digest.digest());
                } else {
                    copy(body, OutputStream.nullOutputStream());
                    others.putIfAbsent(name, item.getName());
                }
            }
        }

        /** Copies a part's bytes; a failure to write them is the disk's, not the body's. */
        private static long copy(InputStream in, OutputStream out) throws IOException {
            byte[] buf = new byte[BUFFER];
            long n = 0;
            for (int r; (r = in.read(buf)) != -1; ) {
                try {
                    out.write(buf, 0, r);
                } catch (IOException e) {
                    throw new WriteFailure(e);
                }
                n += r;
            }
            return n;
        }

        private static MessageDigest sha256Digest() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
