package org.wufei.gis.ogc.processes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.wufei.gis.analysis.ProcessDescription;
import org.wufei.gis.analysis.Processes;
import org.wufei.gis.ogc.OgcMediaTypes;
import org.wufei.gis.ogc.OpenApiContributor;

/** The processes and jobs endpoints in /ogc/api, with the operation ids of OGC API - Processes Part 1. */
@Component
class ProcessesOpenApi implements OpenApiContributor {
    private final List<String> processIds;

    ProcessesOpenApi(Processes processes) {
        this.processIds = processes.all().stream().map(ProcessDescription::id).toList();
    }

    @Override
    public Map<String, Object> paths() {
        Map<String, Object> paths = new LinkedHashMap<>();
        paths.put("/processes", Map.of("get", op("getProcesses", "The planning processes", List.of(
                Map.of("name", "limit", "in", "query", "required", false, "schema",
                        Map.of("type", "integer", "minimum", 1, "maximum", 10_000, "default", 10_000)),
                Map.of("name", "offset", "in", "query", "required", false, "schema",
                        Map.of("type", "integer", "minimum", 0, "default", 0))),
                responses("200", "Process list", OgcMediaTypes.JSON))));
        paths.put("/processes/{processId}", Map.of("get", op("getProcessDescription",
                "A process with its inputs and outputs", List.of(processId()),
                responses("200", "Process description", OgcMediaTypes.JSON))));
        Map<String, Object> execute = op("execute", "Runs a process (Prefer: respond-async for a job)",
                List.of(processId(), Map.of("name", "Prefer", "in", "header", "required", false,
                        "schema", Map.of("type", "string", "enum", List.of("respond-async", "respond-sync")))),
                executeResponses());
        execute.put("requestBody", Map.of("required", true, "content", Map.of(OgcMediaTypes.JSON,
                Map.of("schema", Map.of("type", "object", "properties", Map.of(
                        "inputs", Map.of("type", "object"),
                        "outputs", Map.of("type", "object", "description",
                                "output id -> {transmissionMode: value}; absent: every output"),
                        "response", Map.of("type", "string", "enum", List.of("raw", "document"))))))));
        paths.put("/processes/{processId}/execution", Map.of("post", execute));
        paths.put("/jobs", Map.of("get", op("getJobs", "The caller's jobs", List.of(),
                responses("200", "Job list", OgcMediaTypes.JSON))));
        paths.put("/jobs/{jobId}", Map.of(
                "get", op("getStatus", "A job's status", List.of(jobId()),
                        responses("200", "Status info", OgcMediaTypes.JSON)),
                "delete", op("dismiss", "Cancels a job and drops its results", List.of(jobId()),
                        responses("200", "Status info", OgcMediaTypes.JSON))));
        paths.put("/jobs/{jobId}/results", Map.of("get", op("getResult",
                "A finished job's results; with f, as a file (GeoPackage, GeoJSON, CSV, XLSX, KML)",
                List.of(jobId(), Map.of("name", "f", "in", "query", "required", false, "schema",
                        Map.of("type", "string", "enum", resultFormats()))),
                responses("200", "Results", OgcMediaTypes.JSON))));
        return paths;
    }

    private Map<String, Object> processId() {
        return Map.of("name", "processId", "in", "path", "required", true, "description", "Process id",
                "schema", Map.of("type", "string", "enum", processIds));
    }

    private static List<String> resultFormats() {
        List<String> f = new java.util.ArrayList<>(List.of("json"));
        f.addAll(org.wufei.gis.export.ExportFormat.fValues());
        return f;
    }

    private static Map<String, Object> jobId() {
        return Map.of("name", "jobId", "in", "path", "required", true, "description", "Job id",
                "schema", Map.of("type", "string"));
    }

    private static Map<String, Object> executeResponses() {
        Map<String, Object> r = responses("200", "The result", OgcMediaTypes.GEO_JSON);
        // a planning process answers GeoJSON; named outputs (echo) a results document, one raw output, or several
        // as multipart/related
        Map<String, Object> content = new LinkedHashMap<>();
        for (String type : List.of(OgcMediaTypes.GEO_JSON, OgcMediaTypes.JSON, "text/plain", "multipart/related",
                "image/tiff", "image/jp2")) {
            content.put(type, Map.of("schema", Map.of()));
        }
        r.put("200", Map.of("description", "The result", "content", content));
        r.put("204", Map.of("description", "One raw output by reference: no body, a Link header names it"));
        r.put("201", Map.of("description", "Job created; Location names it", "content",
                Map.of(OgcMediaTypes.JSON, Map.of("schema", Map.of("type", "object")))));
        r.put("403", problem());
        r.put("422", problem());
        return r;
    }

    private static Map<String, Object> responses(String code, String description, String mediaType) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put(code, Map.of("description", description, "content",
                Map.of(mediaType, Map.of("schema", Map.of("type", "object")))));
        r.put("400", problem());
        r.put("404", problem());
        return r;
    }

    private static Map<String, Object> problem() {
        return Map.of("description", "Problem", "content", Map.of(OgcMediaTypes.PROBLEM_JSON,
                Map.of("schema", Map.of("type", "object"))));
    }

    private static Map<String, Object> op(String id, String summary, List<Object> params,
            Map<String, Object> responses) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("operationId", id);
        op.put("summary", summary);
        op.put("tags", List.of("Processes"));
        op.put("parameters", params);
        op.put("responses", responses);
        return op;
    }
}
