package org.wufei.gis.ogc.processes;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.wufei.gis.analysis.ProcessDescription;
import org.wufei.gis.analysis.ProcessResult;
import org.wufei.gis.common.ApiException;
import org.wufei.gis.ogc.OgcMediaTypes;
import tools.jackson.databind.JsonNode;

/**
 * The responses of a process with named outputs (OGC API - Processes - Part 1, 7.11.4): the outputs the request
 * asks for ({@code outputs}, every output when absent), as a results document ({@code "response": "document"}) or
 * raw: one output as its own content (a string as text/plain, binary as its media type, a reference as an empty
 * 204 with a {@code Link} header, any other value as JSON), several as {@code multipart/related}, one part each.
 */
final class NamedOutputs {
    private static final String VALUE = "value";

    private NamedOutputs() {
    }

    /**
     * The output ids of an execute request's {@code outputs} member (empty: all), each declared by the process
     * and asking for {@code transmissionMode} value (the only one offered), else 400.
     */
    static List<String> requested(JsonNode outputs, ProcessDescription d) {
        List<String> ids = new ArrayList<>();
        if (outputs == null || outputs.isNull()) {
            return ids;
        }
        if (!outputs.isObject()) {
            throw ApiException.badRequest("process_inputs_invalid", "outputs");
        }
        for (String id : outputs.propertyNames()) {
            if (!d.gives(id)) {
                throw ApiException.badRequest("process_output_unknown", id, id);
            }
            String mode = outputs.get(id).path("transmissionMode").asString(VALUE);
            if (!VALUE.equals(mode)) {
                throw ApiException.badRequest("transmission_unsupported", id, id, mode);
            }
            ids.add(id);
        }
        return ids;
    }

    /** The result's outputs the request selected, in the process's output order. */
    static Map<String, Object> select(ProcessResult result, List<String> requested) {
        Map<String, Object> out = new LinkedHashMap<>();
        result.outputs().forEach((id, v) -> {
            if (requested.isEmpty() || requested.contains(id)) {
                out.put(id, v);
            }
        });
        return out;
    }

    static ResponseEntity<byte[]> document(Map<String, Object> outputs, ProcessDescription d,
            ResponseEntity.BodyBuilder b) {
        return b.header(HttpHeaders.CONTENT_TYPE, OgcMediaTypes.JSON + ";charset=UTF-8")
                .body(ProcessDocuments.bytes(documentValues(outputs, d)));
    }

    /**
     * The outputs as a results document carries them (results.yaml: each an inline value, a qualified value or a
     * link): an object value that is no bounding box goes in a qualified value {@code {"value": {…}}}, since an
     * inline value is never an object there.
     */
    static Map<String, Object> documentValues(Map<String, Object> outputs, ProcessDescription d) {
        Map<String, Object> out = new LinkedHashMap<>();
        outputs.forEach((id, v) -> {
            boolean plainObject = d.outputs().stream().anyMatch(o -> o.name().equals(id)
                    && "object".equals(o.schema().get("type")) && !"ogc-bbox".equals(o.schema().get("format")));
            out.put(id, plainObject ? Map.of(VALUE, v, "mediaType", OgcMediaTypes.JSON) : v);
        });
        return out;
    }

    static ResponseEntity<byte[]> raw(Map<String, Object> outputs, ProcessDescription d, ResponseEntity.BodyBuilder b) {
        if (outputs.size() == 1) {
            Map.Entry<String, Object> only = outputs.entrySet().iterator().next();
            Part p = part(only.getKey(), only.getValue(), d);
            if (p.href() != null) {
                return ResponseEntity.status(HttpStatus.NO_CONTENT).header(HttpHeaders.LINK, link(only.getKey(), p))
                        .build();
            }
            return b.header(HttpHeaders.CONTENT_TYPE, p.mediaType()).body(p.bytes());
        }
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        outputs.forEach((id, v) -> {
            Part p = part(id, v, d);
            HttpHeaders h = new HttpHeaders();
            h.set("Content-ID", "<" + id + ">");
            if (p.href() != null) {
                h.set(HttpHeaders.CONTENT_LOCATION, p.href());
                h.setContentType(MediaType.parseMediaType(p.mediaType()));
                parts.add(id, new HttpEntity<>(new byte[0], h));
            } else {
                h.setContentType(MediaType.parseMediaType(p.mediaType()));
                parts.add(id, new HttpEntity<>(p.bytes(), h));
            }
        });
        Body body = new Body();
        try {
            new FormHttpMessageConverter().write(parts, MediaType.MULTIPART_RELATED, body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return b.header(HttpHeaders.CONTENT_TYPE, body.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE))
                .body(body.out.toByteArray());
    }

    private record Part(String mediaType, byte[] bytes, String href) {
    }

    private static Part part(String id, Object value, ProcessDescription d) {
        boolean binary = d.outputs().stream().anyMatch(o -> o.name().equals(id) && binary(o.schema()));
        if (binary && value instanceof Map<?, ?> m) {
            String mediaType = String.valueOf(m.containsKey("href") ? m.get("type") : m.get("mediaType"));
            if (m.containsKey("href")) {
                return new Part(mediaType, null, String.valueOf(m.get("href")));
            }
            return new Part(mediaType, Base64.getDecoder().decode(String.valueOf(m.get(VALUE))), null);
        }
        if (value instanceof String s) {
            return new Part("text/plain;charset=UTF-8", s.getBytes(StandardCharsets.UTF_8), null);
        }
        return new Part(OgcMediaTypes.JSON, ProcessDocuments.bytes(value), null);
    }

    /** Whether a schema is binary content ({@code contentEncoding: binary}), or one of its {@code oneOf} is. */
    static boolean binary(Map<String, Object> schema) {
        if ("binary".equals(schema.get("contentEncoding"))) {
            return true;
        }
        return schema.get("oneOf") instanceof List<?> alternatives && alternatives.stream()
                .anyMatch(a -> a instanceof Map<?, ?> m && "binary".equals(m.get("contentEncoding")));
    }

    private static String link(String id, Part p) {
        return "<" + p.href() + ">; rel=\"" + id + "\"; type=\"" + p.mediaType() + "\"";
    }

    /** Collects what the multipart writer writes. */
    private static final class Body implements HttpOutputMessage {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final HttpHeaders headers = new HttpHeaders();

        @Override
        public OutputStream getBody() {
            return out;
        }

        @Override
        public HttpHeaders getHeaders() {
            return headers;
        }
    }
}
