package org.wufei.gis.ogc.features;

import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.wufei.gis.common.http.ETags;
import tools.jackson.databind.json.JsonMapper;

/** Writes OGC documents as bytes with their exact media type, with a content ETag and 304 on If-None-Match. */
final class OgcResponses {
    static final JsonMapper JSON = JsonMapper.builder().build();

    private OgcResponses() {
    }

    static ResponseEntity<byte[]> json(Object document, String mediaType, String ifNoneMatch) {
        return bytes(JSON.writeValueAsBytes(document), mediaType, null, ifNoneMatch);
    }

    /**
     * A body with an ETag: the given one, or a weak digest of the bytes when null (weak: the same document gzipped
     * is the same entity, so the server may compress it — Tomcat never compresses behind a strong ETag).
     */
    static ResponseEntity<byte[]> bytes(byte[] body, String mediaType, String etag, String ifNoneMatch) {
        String tag = etag != null ? etag : digest(body);
        ResponseEntity.BodyBuilder b;
        if (matches(ifNoneMatch, tag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(tag).build();
        }
        b = ResponseEntity.ok().eTag(tag).header(HttpHeaders.CONTENT_TYPE, MediaType.parseMediaType(
                mediaType + (mediaType.contains("charset") ? "" : ";charset=UTF-8")).toString());
        return b.body(body);
    }

    static boolean matches(String ifNoneMatch, String tag) {
        return ETags.firstMatch(ifNoneMatch, tag) != null;
    }

    private static String digest(byte[] body) {
        return weakDigest(body, body.length, body.length);
    }

    /** A weak ETag over the body without the bytes from {@code skipFrom} to {@code skipTo}. */
    static String weakDigest(byte[] body, int skipFrom, int skipTo) {
        return "W/" + ETags.of(body, skipFrom, skipTo);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
