package org.wufei.gis.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.wufei.gis.support.Http;
import tools.jackson.databind.JsonNode;

/** Multipart uploads to /api/imports over real HTTP, and waiting for a batch to finish. */
public final class Uploads {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Http http;

    public Uploads(Http http) {
        this.http = http;
    }

    /** A file's content hash as the service keys batches by it: SHA-256, lower-case hex. */
    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path fixture(String name) {
        return Path.of("src/test/resources/imports", name);
    }

    public static Map<String, String> form(String... pairs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put(pairs[i], pairs[i + 1]);
        }
        return out;
    }

    public Http.Response upload(String user, String fileName, byte[] content, Map<String, String> fields) {
        String boundary = "----gis" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            for (var e : fields.entrySet()) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey()
                        + "\"\r\n\r\n" + e.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            if (content != null) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                        + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                body.write(content);
                body.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return send(user, "multipart/form-data; boundary=" + boundary,
                HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    }

    Http.Response upload(String user, Path file, Map<String, String> fields) {
        try {
            return upload(user, file.getFileName().toString(), Files.readAllBytes(file), fields);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A streamed body of any size, for the size limit. */
    Http.Response uploadStream(String user, Supplier<InputStream> body, String contentType) {
        return send(user, contentType, HttpRequest.BodyPublishers.ofInputStream(body));
    }

    private Http.Response send(String user, String contentType, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(http.base() + "/api/imports"))
                .timeout(Duration.ofSeconds(120)).header("Content-Type", contentType).POST(body);
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        return send(b);
    }

    private static Http.Response send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Http.Response(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Asks for the batch with {@code Prefer: wait} until it has succeeded or failed (at most a minute). */
    public JsonNode finished(String location) {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            JsonNode batch = get(location, "Prefer", "wait=20").json();
            String state = batch.path("state").asString();
            if (state.equals("succeeded") || state.equals("failed")) {
                return batch;
            }
        }
        throw new AssertionError("batch " + location + " did not finish within a minute");
    }

    /** A GET as the uploader (batches are not public) with the given header name and value pairs. */
    Http.Response get(String path, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(http.base() + path)).timeout(Duration.ofSeconds(90))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("uploader:demo".getBytes(StandardCharsets.UTF_8)))
                .headers(headers).GET());
    }

    /** Uploads and waits; the finished batch. */
    JsonNode imported(String user, Path file, String... fields) {
        Http.Response r = upload(user, file, form(fields));
        if (r.status() != 202 && r.status() != 200) {
            throw new AssertionError("upload of " + file + " answered " + r.status() + ": " + r.body());
        }
        return finished(r.header("Location"));
    }
}
