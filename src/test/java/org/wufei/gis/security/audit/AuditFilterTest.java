package org.wufei.gis.security.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.FilterChain;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.wufei.gis.common.DatabaseKind;
import org.wufei.gis.common.http.QueryRequests;

class AuditFilterTest {
    private final List<AuditEvent> recorded = new ArrayList<>();
    private final List<Boolean> waited = new ArrayList<>();
    /** Whether the answer had gone out when its audit row was written. */
    private final List<Boolean> answered = new ArrayList<>();
    private MockHttpServletResponse current;
    private final AuditFilter filter = new AuditFilter(new AuditLog(null, DatabaseKind.H2GIS, null) {
        @Override
        void record(AuditEvent e, boolean waitForDisk) {
            recorded.add(e);
            waited.add(waitForDisk);
            answered.add(current.isCommitted());
        }
    }, Clock.systemUTC());

    @AfterEach
    void forgetRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    private MockHttpServletResponse run(String method, String path, FilterChain chain) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setAttribute(RequestIds.ATTRIBUTE, "req-12345678");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        MockHttpServletResponse response = new MockHttpServletResponse();
        current = response;
        filter.doFilter(request, response, chain);
        return response;
    }

    @Test
    void aPlainReadIsNotRecorded() throws Exception {
        run("GET", "/api/sites", (req, res) -> { });
        assertThat(recorded).isEmpty();
    }

    @Test
    void aReadWhoseHandlerAsksIsRecordedWithItsNote() throws Exception {
        run("GET", "/ogc/collections/waste_heaps/items", (req, res) ->
                AuditNote.add("export:waste_heaps", "exported 120 features with private attributes as GPKG"));
        assertThat(recorded).singleElement().satisfies(e -> {
            assertThat(e.method()).isEqualTo("GET");
            assertThat(e.object()).isEqualTo("export:waste_heaps");
            assertThat(e.requestId()).isEqualTo("req-12345678");
            assertThat(e.actor()).isEqualTo("anonymous");
        });
    }

    @Test
    void everyWriteIsRecordedWithItsStatusAndAFailureAs500() throws Exception {
        run("POST", "/api/sites", (req, res) -> ((MockHttpServletResponse) res).setStatus(422));
        assertThatThrownBy(() -> run("DELETE", "/api/sites/1", (req, res) -> {
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(recorded).extracting(AuditEvent::status).containsExactly(422, 500);
        assertThat(recorded).extracting(AuditEvent::path).containsExactly("/api/sites", "/api/sites/1");
    }

    @Test
    void aPostThatOnlyAskedIsRecordedWithoutWaitingForTheDisk() throws Exception {
        run("POST", "/ogc/processes/nearest-sites/execution", (req, res) ->
                QueryRequests.mark((jakarta.servlet.http.HttpServletRequest) req));
        run("POST", "/api/sites", (req, res) -> { });
        assertThat(recorded).extracting(AuditEvent::path)
                .containsExactly("/ogc/processes/nearest-sites/execution", "/api/sites");
        assertThat(waited).containsExactly(false, true);
        // the question's answer goes out before its row is written; the write's answer waits for its row
        assertThat(answered).containsExactly(true, false);
    }
}
