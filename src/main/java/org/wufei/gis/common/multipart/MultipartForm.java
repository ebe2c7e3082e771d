package org.wufei.gis.common.multipart;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.wufei.gis.common.ApiException;

/**
 * A small {@code multipart/form-data} body (RFC 7578) read in one pass with Commons FileUpload's streaming API, its
 * files kept in memory: inspection photos, a public report's photo. Each file is read only up to its limit, so an
 * oversized one is refused without buffering it; the number of files is checked as they arrive. Malformed bodies
 * are 400 {@code multipart_malformed}, a request over its size 413 {@code upload_too_large}, as for
 * {@link MultipartUpload}.
 */
public final class MultipartForm {

    /** One file part: the form field it came in, the name the client gave (or null) and its bytes. */
    public record FilePart(String field, String fileName, byte[] bytes) {
    }

    /**
     * The limits a body is read under: each file's bytes, the request's bytes and the number of (non-empty) files;
     * {@code tooLarge} and {@code tooMany} say how the caller refuses a file over its limit (given the file name)
     * and one file too many.
     */
    public record Limits(long maxFileBytes, long maxRequestBytes, int maxFiles,
            java.util.function.Function<String, ApiException> tooLarge,
            java.util.function.Supplier<ApiException> tooMany) {
    }

    private final Map<String, String> fields;
    private final List<FilePart> files;

    private MultipartForm(Map<String, String> fields, List<FilePart> files) {
        this.fields = fields;
        this.files = files;
    }

    public static MultipartForm read(InputStream in, String contentType, long contentLength, Limits limits)
            throws IOException {
        var streamLimits = new MultipartUpload.Limits(limits.maxRequestBytes(), limits.maxRequestBytes());
        if (contentLength > limits.maxRequestBytes()) {
            throw MultipartParsing.tooLarge();
        }
        Map<String, String> fields = new LinkedHashMap<>();
        List<FilePart> files = new ArrayList<>();
        try {
            FileItemInputIterator items = MultipartParsing.parser(streamLimits)
                    .getItemIterator(MultipartParsing.context(in, contentType, contentLength));
            int n = 0;
            for (; items.hasNext(); n++) {
                if (n == MultipartParsing.MAX_PARTS) {
                    throw MultipartParsing.malformed();
                }
                take(items.next(), limits, fields, files);
            }
            if (n == 0) {
                throw MultipartParsing.malformed();
            }
        } catch (IOException e) {
            throw MultipartParsing.refusal(e, streamLimits);
        }
        return new MultipartForm(Collections.unmodifiableMap(fields), List.copyOf(files));
    }

    /** A refused part's stream is left unclosed: closing it would read the rest of that part first. */
    private static void take(FileItemInput item, Limits limits, Map<String, String> fields, List<FilePart> files)
            throws IOException {
        InputStream body = item.getInputStream();
        if (item.getFieldName() == null) {
            body.transferTo(OutputStream.nullOutputStream());
        } else if (item.isFormField()) {
            fields.putIfAbsent(item.getFieldName(), MultipartParsing.text(body));
        } else {
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxFileBytes() + 1));
            if (bytes.length > limits.maxFileBytes()) {
                throw limits.tooLarge().apply(item.getName() == null ? item.getFieldName() : item.getName());
            }
            if (bytes.length > 0) { // an empty one is a form's unused file input
                if (files.size() == limits.maxFiles()) {
                    throw limits.tooMany().get();
                }
                files.add(new FilePart(item.getFieldName(), item.getName(), bytes));
            }
        }
        body.close();
    }

    /** The text parts by name (the first of a name wins). */
    public Map<String, String> fields() {
        return fields;
    }

    /** The file parts sent under {@code field}, in the order sent. */
    public List<FilePart> files(String field) {
        return files.stream().filter(f -> f.field().equals(field)).toList();
    }

    /** Every file part, in the order sent. */
    public List<FilePart> files() {
        return files;
    }
}
