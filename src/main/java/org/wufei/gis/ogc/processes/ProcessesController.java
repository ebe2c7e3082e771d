package org.wufei.gis.ogc.processes;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wufei.gis.analysis.Job;
import org.wufei.gis.analysis.Jobs;
import org.wufei.gis.analysis.ProcessDescription;
import org.wufei.gis.analysis.ProcessInputs;
import org.wufei.gis.analysis.ProcessResult;
import org.wufei.gis.analysis.Processes;
import org.wufei.gis.common.Actor;
import org.wufei.gis.common.ApiException;
import org.wufei.gis.common.CurrentActor;
import org.wufei.gis.common.Locales;
import org.wufei.gis.common.http.Preferences;
import org.wufei.gis.common.http.QueryRequests;
import org.wufei.gis.common.Role;
import org.wufei.gis.ogc.OgcLinks;
import org.wufei.gis.ogc.OgcMediaTypes;
import org.wufei.gis.ogc.Rel;
import tools.jackson.databind.JsonNode;

/**
 * OGC API - Processes - Part 1: Core: the process list, descriptions and execution. Quick processes run
 * synchronously unless the client sends {@code Prefer: respond-async}; others run as jobs unless it sends
 * {@code Prefer: respond-sync}. PLANNER and ADMIN may execute; reads follow the public-read rules.
 */
@RestController
@RequestMapping("/ogc/processes")
class ProcessesController {
    static final EnumSet<Role> EXECUTORS = EnumSet.of(Role.PLANNER, Role.ADMIN);
    private static final String RESPOND_ASYNC = "respond-async";
    private static final String RESPOND_SYNC = "respond-sync";
    private static final java.util.Set<String> EXECUTE_MEMBERS = java.util.Set.of("inputs", "outputs", "response",
            "subscriber");
    private static final int MAX_LIMIT = 10_000;

    private final Processes processes;
    private final Jobs jobs;

    ProcessesController(Processes processes, Jobs jobs) {
        this.processes = processes;
        this.jobs = jobs;
    }

    /** The process list; {@code limit} and {@code offset} page it (OGC API - Processes /req/core/pl-limit-*). */
    @GetMapping({"", "/"})
    ResponseEntity<byte[]> list(@RequestParam(required = false) String limit,
            @RequestParam(required = false) String offset, HttpServletRequest request) {
        String base = OgcLinks.base(request);
        Locale locale = Locales.of(request);
        List<ProcessDescription> all = processes.all();
        int max = count(limit, "limit", 1, MAX_LIMIT, MAX_LIMIT);
        int from = count(offset, "offset", 0, Integer.MAX_VALUE, 0);
        List<Map<String, Object>> list = new ArrayList<>();
        for (ProcessDescription d : all.subList(Math.min(from, all.size()), Math.min(from + max, all.size()))) {
            list.add(ProcessDocuments.summary(d, base, locale));
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("processes", list);
        List<Map<String, Object>> links = new ArrayList<>();
        links.add(OgcLinks.link(base + "/processes", Rel.SELF, OgcMediaTypes.JSON, null));
        if (from + max < all.size()) {
            links.add(OgcLinks.link(base + "/processes?limit=" + max + "&offset=" + (from + max), Rel.NEXT,
                    OgcMediaTypes.JSON, null));
        }
        doc.put("links", links);
        return json(HttpStatus.OK, ProcessDocuments.bytes(doc), OgcMediaTypes.JSON);
    }

    static int count(String value, String name, int min, int max, int absent) {
        if (value == null) {
            return absent;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ApiException.badRequest("parameter_out_of_range", name, name, min, max);
    }

    @GetMapping("/{processId}")
    ResponseEntity<byte[]> describe(@PathVariable String processId, HttpServletRequest request) {
        ProcessDescription d = processes.require(processId);
        return json(HttpStatus.OK, ProcessDocuments.bytes(ProcessDocuments.description(d, OgcLinks.base(request),
                Locales.of(request))), OgcMediaTypes.JSON);
    }

    @PostMapping("/{processId}/execution")
    ResponseEntity<byte[]> execute(@PathVariable String processId, @RequestBody(required = false) JsonNode body,
            @RequestHeader(value = Preferences.PREFER, required = false) String prefer, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        ProcessDescription d = processes.require(processId);
        Actor actor = CurrentActor.of(request);
        if (!actor.hasAnyRole(EXECUTORS)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "role_forbidden", null);
        }
        if (body != null && !body.isObject()) {
            throw ApiException.badRequest("process_inputs_invalid", "inputs");
        }
        if (body != null) {
            // an execute request has these members only (OGC execute.yaml); anything else is a mistake to report
            for (String member : body.propertyNames()) {
                if (!EXECUTE_MEMBERS.contains(member)) {
                    throw ApiException.badRequest("execute_member_unknown", member, member);
                }
            }
        }
        ProcessInputs inputs = processes.inputs(processId, body == null ? null : body.get("inputs"));
        List<String> outputs = NamedOutputs.requested(body == null ? null : body.get("outputs"), d);
        boolean document = body != null && "document".equals(body.path("response").asString(""));
        Map<String, String> preferences = Preferences.parse(prefer);
        boolean async = preferences.containsKey(RESPOND_ASYNC) || !d.quick() && !preferences.containsKey(RESPOND_SYNC);
        if (async) {
            Job job = jobs.submit(processId, inputs, actor.username());
            String base = OgcLinks.base(request);
            return ResponseEntity.status(HttpStatus.CREATED).location(URI.create(base + "/jobs/" + job.id()))
                    .header(Preferences.PREFERENCE_APPLIED, RESPOND_ASYNC)
                    .header(HttpHeaders.CONTENT_TYPE, OgcMediaTypes.JSON)
                    .body(ProcessDocuments.bytes(ProcessDocuments.status(job, base)));
        }
        QueryRequests.mark(request); // answered now: a question, not a write (its audit row need not wait for the disk)
        ProcessResult result = processes.execute(processId, inputs);
        ResponseEntity.BodyBuilder b = ResponseEntity.ok();
        if (preferences.containsKey(RESPOND_SYNC)) {
            b.header(Preferences.PREFERENCE_APPLIED, RESPOND_SYNC);
        }
        if (result.hasNamedOutputs()) {
            Map<String, Object> selected = NamedOutputs.select(result, outputs);
            return document ? NamedOutputs.document(selected, d, b) : NamedOutputs.raw(selected, d, b);
        }
        if (preferences.containsKey(RESPOND_SYNC)) {
            response.setHeader(Preferences.PREFERENCE_APPLIED, RESPOND_SYNC);
        }
        return written(response, document ? OgcMediaTypes.JSON : OgcMediaTypes.GEO_JSON,
                out -> ProcessDocuments.featureCollection(result, document, out));
    }

    /**
     * A 200 answer of this media type written straight into the response by {@code body} (see {@link
     * ProcessDocuments#featureCollection(ProcessResult, boolean, int, int, List, OutputStream)}); null, the value a
     * handler returns when it has written the response itself. The stream is closed, which ends the answer here: an
     * answer that fits the response buffer goes out with its Content-Length, a larger one with its last chunk, before
     * the request's audit row is written (a flush instead left the last chunk, and so the client, waiting for it).
     */
    static ResponseEntity<byte[]> written(HttpServletResponse response, String mediaType,
            java.util.function.Consumer<OutputStream> body) throws IOException {
        response.setStatus(HttpStatus.OK.value());
        response.setContentType(mediaType + ";charset=UTF-8");
        try (OutputStream out = response.getOutputStream()) {
            body.accept(out);
        }
        return null;
    }

    static ResponseEntity<byte[]> json(HttpStatus status, byte[] body, String mediaType) {
        return ResponseEntity.status(status).header(HttpHeaders.CONTENT_TYPE, mediaType + ";charset=UTF-8")
                .body(body);
    }
}
