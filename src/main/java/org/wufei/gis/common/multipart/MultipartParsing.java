package org.wufei.gis.common.multipart;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.commons.fileupload2.core.FileUploadSizeException;
import org.apache.commons.fileupload2.core.RequestContext;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import org.springframework.http.HttpStatus;
import org.wufei.gis.common.ApiException;

/**
 * What both readers of a multipart body share: the Commons FileUpload parser and its limits, the request it reads,
 * a text part, and the refusals in the service's terms.
 */
final class MultipartParsing {
    static final int MAX_TEXT = 64 * 1024;
    static final int MAX_PARTS = 100;
    private static final int MAX_HEADER_BYTES = 16 * 1024;

    private MultipartParsing() {
    }

    static JakartaServletFileUpload<?, ?> parser(MultipartUpload.Limits limits) {
        var upload = new JakartaServletFileUpload<>();
        upload.setHeaderCharset(StandardCharsets.UTF_8);
        upload.setMaxSize(limits.maxRequestBytes());
        upload.setMaxFileSize(limits.maxFileBytes());
        upload.setMaxPartHeaderSize(MAX_HEADER_BYTES);
        upload.setMaxFileCount(MAX_PARTS);
        return upload;
    }

    static RequestContext context(InputStream in, String contentType, long contentLength) {
        return new RequestContext() {
            @Override
            public String getCharacterEncoding() {
                return StandardCharsets.UTF_8.name();
            }

            @Override
            public long getContentLength() {
                return contentLength;
            }

            @Override
            public String getContentType() {
                return contentType;
            }

            @Override
            public InputStream getInputStream() {
                return in;
            }

            @Override
            public boolean isMultipartRelated() {
                return false;
            }
        };
    }

    /**
     * The parser's refusals in the service's terms: the file's or the request's size is 413, everything else (an
     * oversized header block included, which the library also reports as a size) a malformed body.
     */
    static ApiException refusal(Throwable e, MultipartUpload.Limits limits) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof FileUploadSizeException size && (size.getPermitted() == limits.maxFileBytes()
                    || size.getPermitted() == limits.maxRequestBytes())) {
                return tooLarge();
            }
        }
        return malformed();
    }

    static ApiException malformed() {
        return new ApiException(HttpStatus.BAD_REQUEST, "multipart_malformed", null);
    }

    static ApiException tooLarge() {
        return new ApiException(HttpStatus.CONTENT_TOO_LARGE, "upload_too_large", "file");
    }

    /** A text part's value; over {@link #MAX_TEXT} bytes is a malformed body. */
    static String text(InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(MAX_TEXT + 1);
        if (bytes.length > MAX_TEXT) {
            throw malformed();
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
