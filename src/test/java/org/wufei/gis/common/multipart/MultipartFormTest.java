package org.wufei.gis.common.multipart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wufei.gis.common.multipart.MultipartUploadTest.body;
import static org.wufei.gis.common.multipart.MultipartUploadTest.filePart;
import static org.wufei.gis.common.multipart.MultipartUploadTest.textPart;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.wufei.gis.common.ApiException;

class MultipartFormTest {
    private static final String TYPE = "multipart/form-data; boundary=b";
    private static final MultipartForm.Limits LIMITS = new MultipartForm.Limits(1000, 1 << 20, 2,
            name -> new ApiException(HttpStatus.CONTENT_TOO_LARGE, "photo_too_large", "photos", name, 0),
            () -> ApiException.unprocessable("photos_too_many", "photos", 2));

    @Test
    void readsFieldsAndFilesInOrderAndSkipsEmptyFileInputs() throws IOException {
        byte[] req = body("b", textPart("inspection", "{\"id\":\"x\"}"), filePart("photos", "a.jpg", new byte[10]),
                filePart("photos", "", new byte[0]), filePart("photos", "b.jpg", new byte[20]));
        MultipartForm form = MultipartForm.read(new ByteArrayInputStream(req), TYPE, req.length, LIMITS);
        assertThat(form.fields()).containsEntry("inspection", "{\"id\":\"x\"}");
        assertThat(form.files("photos")).extracting(MultipartForm.FilePart::fileName).containsExactly("a.jpg", "b.jpg");
        assertThat(form.files("photos").get(1).bytes()).hasSize(20);
        assertThat(form.files("other")).isEmpty();
    }

    @Test
    void aFileOverItsLimitIsRefusedWithoutReadingTheRestOfTheBody() {
        byte[] head = body("b", filePart("photos", "big.jpg", new byte[5000]));
        AtomicLong read = new AtomicLong();
        InputStream endless = new SequenceInputStream(new ByteArrayInputStream(head, 0, head.length - 20),
                new InputStream() {
                    @Override
                    public int read() {
                        read.incrementAndGet();
                        return 'x';
                    }
                });
        assertThatThrownBy(() -> MultipartForm.read(endless, TYPE, -1, LIMITS))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("photo_too_large"));
        assertThat(read.get()).isLessThan(100_000);
    }

    @Test
    void oneFileTooManyIsRefused() {
        byte[] req = body("b", filePart("photos", "1.jpg", new byte[1]), filePart("photos", "2.jpg", new byte[1]),
                filePart("photos", "3.jpg", new byte[1]));
        assertThatThrownBy(() -> MultipartForm.read(new ByteArrayInputStream(req), TYPE, req.length, LIMITS))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("photos_too_many"));
    }

    @Test
    void aDeclaredLengthOverTheRequestLimitIsRefusedBeforeReading() {
        assertThatThrownBy(() -> MultipartForm.read(InputStream.nullInputStream(), TYPE, 2L << 20, LIMITS))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("upload_too_large"));
    }

    @Test
    void malformedBodiesAreRefused() {
        byte[] good = body("b", filePart("photos", "a.jpg", new byte[3]));
        for (String type : new String[] {"multipart/form-data", "text/plain; boundary=b"}) {
            assertThatThrownBy(() -> MultipartForm.read(new ByteArrayInputStream(good), type, good.length, LIMITS))
                    .isInstanceOfSatisfying(ApiException.class,
                            e -> assertThat(e.code()).isEqualTo("multipart_malformed"));
        }
    }
}
