package org.wufei.gis.common.multipart;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Size limits of every multipart body the service reads ({@code gis.uploads.*}): a file part and a whole request.
 * A declared {@code Content-Length} over the request limit is refused before a byte is read.
 */
@ConfigurationProperties("gis.uploads")
public record UploadProperties(@DefaultValue("100MB") DataSize maxFileSize,
        @DefaultValue("110MB") DataSize maxRequestSize) {

    /** The limits for a streamed upload ({@link MultipartUpload}). */
    public MultipartUpload.Limits limits() {
        return new MultipartUpload.Limits(maxFileSize.toBytes(), maxRequestSize.toBytes());
    }
}
