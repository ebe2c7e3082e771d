package org.wufei.gis.common.multipart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wufei.gis.common.ApiException;
import org.wufei.gis.imports.Uploads;

public class MultipartUploadTest {
    private static final MultipartUpload.Limits LIMITS = new MultipartUpload.Limits(1 << 20, 2 << 20);

    @TempDir
    Path dir;

    @Test
    void theFileGoesToDiskWithItsHashAndTheFieldsAreKeptAsText() throws Exception {
        byte[] content = randomBytes(300_000, 1);
        byte[] body = body("AaB03x", textPart("source", "satellite"), filePart("file", "疑似点.geojson", content),
                textPart("crs", "EPSG:4546"));
        for (int chunk : new int[] {1, 7, 61, 4096, 1 << 20}) {
            MultipartUpload u = read(new Chunked(body, chunk), "multipart/form-data; boundary=AaB03x");
            assertThat(u.fileName()).isEqualTo("疑似点.geojson");
            assertThat(Files.readAllBytes(u.file())).isEqualTo(content);
            assertThat(u.sha256()).isEqualTo(Uploads.sha256(content));
            assertThat(u.size()).isEqualTo(content.length);
            assertThat(u.fields()).containsExactly(Map.entry("source", "satellite"),
                    Map.entry("crs", "EPSG:4546"));
            Files.delete(u.file());
        }
    }

    @Test
    void bytesThatAlmostMakeTheDelimiterStayInTheFile() throws Exception {
        String tricky = "a\r\n--AaB03\r\n--AaB03y\r\n-AaB03x\r--AaB03x\n\r\n--AaB03";
        byte[] content = (tricky + tricky).getBytes(StandardCharsets.ISO_8859_1);
        byte[] body = body("AaB03x", filePart("file", "a.csv", content));
        for (int chunk : new int[] {1, 3, 13}) {
            MultipartUpload u = read(new Chunked(body, chunk), "multipart/form-data; boundary=\"AaB03x\"");
            assertThat(Files.readAllBytes(u.file())).isEqualTo(content);
            Files.delete(u.file());
        }
    }

    @Test
    void aPreambleAndAnEpilogueAreAllowed() throws Exception {
        byte[] body = ("preamble\r\n--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.kml\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n<kml/>\r\n--b--\r\nepilogue").getBytes();
        MultipartUpload u = read(new ByteArrayInputStream(body), "multipart/form-data; boundary=b");
        assertThat(Files.readString(u.file())).isEqualTo("<kml/>");
    }

    @Test
    void aFileNameInTheExtendedFormIsDecoded() throws Exception {
        byte[] body = ("--b\r\nContent-Disposition: form-data; name=\"file\"; "
                + "filename*=UTF-8''%E7%9F%B3%E6%8B%90.gpkg\r\n\r\nx\r\n--b--").getBytes();
        assertThat(read(new ByteArrayInputStream(body), "multipart/form-data; boundary=b").fileName())
                .isEqualTo("石拐.gpkg");
    }

    @Test
    void otherFilePartsAreNotedAndDropped() throws Exception {
        byte[] body = body("b", filePart("photo", "p.jpg", new byte[] {1, 2}), filePart("file", "a.geojson",
                "{}".getBytes()));
        MultipartUpload u = read(new ByteArrayInputStream(body), "multipart/form-data; boundary=b");
        assertThat(u.otherFileParts()).containsEntry("photo", "p.jpg");
        assertThat(Files.readString(u.file())).isEqualTo("{}");
    }

    @Test
    void aBodyWithoutAFileHasNone() throws Exception {
        MultipartUpload u = read(new ByteArrayInputStream(body("b", textPart("source", "manual"))),
                "multipart/form-data; boundary=b");
        assertThat(u.file()).isNull();
        assertThat(u.fields()).containsEntry("source", "manual");
    }

    @Test
    void aFileOverTheLimitIs413AndLeavesNothing() {
        byte[] body = body("b", filePart("file", "big.geojson", new byte[(1 << 20) + 1]));
        assertRefused(body, "multipart/form-data; boundary=b", "upload_too_large");
    }

    @Test
    void aRequestDeclaredOverTheLimitIsRefusedBeforeReading() {
        assertThatThrownBy(() -> MultipartUpload.read(new ByteArrayInputStream(new byte[0]),
                "multipart/form-data; boundary=b", 3L << 20, LIMITS, "file", dir::resolve))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("upload_too_large"));
    }

    @Test
    void malformedBodiesAreRefusedAndLeaveNothing() {
        byte[] good = body("b", filePart("file", "a.geojson", "{}".getBytes()));
        byte[] truncated = Arrays.copyOf(good, good.length - 10);
        assertRefused(truncated, "multipart/form-data; boundary=b", "multipart_malformed");
        assertRefused(good, "multipart/form-data", "multipart_malformed");
        assertRefused(good, "multipart/form-data; boundary=", "multipart_malformed");
        assertRefused(good, "text/plain; boundary=b", "multipart_malformed");
        assertRefused("no delimiter at all".getBytes(), "multipart/form-data; boundary=b", "multipart_malformed");
        assertRefused("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\"".getBytes(),
                "multipart/form-data; boundary=b", "multipart_malformed");
        assertRefused(("--b\r\nX: " + "y".repeat(20_000) + "\r\n\r\nz\r\n--b--").getBytes(),
                "multipart/form-data; boundary=b", "multipart_malformed");
        assertRefused(body("b", textPart("note", "n".repeat(70_000))), "multipart/form-data; boundary=b",
                "multipart_malformed");
        assertRefused("--bxx\r\n".getBytes(), "multipart/form-data; boundary=b", "multipart_malformed");
    }

    @Test
    void tooManyPartsAreRefused() {
        byte[][] parts = new byte[101][];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = textPart("f" + i, "v");
        }
        assertRefused(body("b", parts), "multipart/form-data; boundary=b", "multipart_malformed");
    }

    private void assertRefused(byte[] body, String type, String code) {
        assertThatThrownBy(() -> read(new ByteArrayInputStream(body), type))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(code));
        try (var left = Files.list(dir)) {
            assertThat(left).isEmpty();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private MultipartUpload read(InputStream in, String type) throws IOException {
        return MultipartUpload.read(in, type, -1, LIMITS, "file", name -> dir.resolve("upload"));
    }

    public static byte[] body(String boundary, byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(("--" + boundary + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(p);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    public static byte[] textPart(String name, String value) {
        return ("Content-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value)
                .getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] filePart(String name, String fileName, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("Content-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] randomBytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** Hands the bytes out at most {@code chunk} at a time, as a network does. */
    private static final class Chunked extends FilterInputStream {
        private final int chunk;

        Chunked(byte[] bytes, int chunk) {
            super(new ByteArrayInputStream(bytes));
            this.chunk = chunk;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return super.read(b, off, Math.min(len, chunk));
        }
    }
}
