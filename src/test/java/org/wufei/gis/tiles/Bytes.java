package org.wufei.gis.tiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Binary GETs for tiles (the shared JSON client reads bodies as text). */
final class Bytes {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Bytes() {
    }

    static HttpResponse<byte[]> get(String url, String ifNoneMatch) {
        return ifNoneMatch == null ? withHeaders(url) : withHeaders(url, "If-None-Match", ifNoneMatch);
    }

    /** A GET with request headers given as name, value pairs. */
    static HttpResponse<byte[]> withHeaders(String url, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
