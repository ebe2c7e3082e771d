package org.wufei.gis.ogc.processes;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wufei.gis.analysis.Job;
import org.wufei.gis.analysis.Jobs;
import org.wufei.gis.analysis.Processes;
import org.wufei.gis.common.Actor;
import org.wufei.gis.common.ApiException;
import org.wufei.gis.common.CurrentActor;
import org.wufei.gis.common.Role;
import org.wufei.gis.export.ExportFormat;
import org.wufei.gis.ogc.OgcLinks;
import org.wufei.gis.ogc.OgcMediaTypes;
import org.wufei.gis.ogc.Rel;

/**
 * Jobs of OGC API - Processes: list, status, results and dismissal. A job is visible to the user who started it and
 * to ADMIN; to anyone else it does not exist (404).
 */
@RestController
@RequestMapping("/ogc/jobs")
class JobsController {
    private static final int MAX_PAGE = 10_000;
    private final Jobs jobs;
    private final ProcessResultDownloads downloads;
    private final Processes processes;

    JobsController(Jobs jobs, ProcessResultDownloads downloads, Processes processes) {
        this.jobs = jobs;
        this.downloads = downloads;
        this.processes = processes;
    }

    @GetMapping({"", "/"})
    ResponseEntity<byte[]> list(HttpServletRequest request) {
        Actor actor = CurrentActor.of(request);
        String base = OgcLinks.base(request);
        List<Map<String, Object>> list = new ArrayList<>();
        if (!actor.roles().isEmpty()) {
            for (Job j : jobs.list(actor.roles().contains(Role.ADMIN) ? null : actor.username())) {
                list.add(ProcessDocuments.status(j, base));
            }
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("jobs", list);
        doc.put("links", List.of(OgcLinks.link(base + "/jobs", Rel.SELF, OgcMediaTypes.JSON, null)));
        return ProcessesController.json(HttpStatus.OK, ProcessDocuments.bytes(doc), OgcMediaTypes.JSON);
    }

    @GetMapping("/{jobId}")
    ResponseEntity<byte[]> status(@PathVariable String jobId, HttpServletRequest request) {
        Job job = visible(status(jobId), request);
        return ProcessesController.json(HttpStatus.OK,
                ProcessDocuments.bytes(ProcessDocuments.status(job, OgcLinks.base(request))), OgcMediaTypes.JSON);
    }

    /**
     * The result document, or with {@code f} (gpkg, geojson-file, csv, csv-gbk, xlsx, kml) the result as a file;
     * {@code limit} and {@code offset} page a FeatureCollection result (with numberMatched and next/prev links).
     */
    @GetMapping("/{jobId}/results")
    ResponseEntity<byte[]> results(@PathVariable String jobId, @RequestParam(required = false) String f,
            @RequestParam(required = false) String limit, @RequestParam(required = false) String offset,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        Integer pageSize = limit == null ? null : ProcessesController.count(limit, "limit", 1, MAX_PAGE, MAX_PAGE);
        int from = ProcessesController.count(offset, "offset", 0, Integer.MAX_VALUE, 0);
        Optional<ExportFormat> format = ProcessResultDownloads.format(f);
        Job job = visible(jobs.require(jobId), request);
        switch (job.state()) {
            case SUCCESSFUL -> {
                if (job.result().hasNamedOutputs()) {
                    // named outputs (the echo process): their results document; they are no table to export
                    if (format.isPresent()) {
                        throw ApiException.badRequest("format_unsupported", "f", f);
                    }
                    return ProcessesController.json(HttpStatus.OK, ProcessDocuments.bytes(NamedOutputs.documentValues(
                            job.result().outputs(), processes.require(job.processId()))), OgcMediaTypes.JSON);
                }
                if (format.isPresent()) {
                    downloads.stream(format.get(), job.processId(), job.result(), CurrentActor.of(request), response);
                    return null; // written to the response
                }
                if (pageSize == null && offset == null) {
                    return ProcessesController.written(response, OgcMediaTypes.JSON,
                            out -> ProcessDocuments.featureCollection(job.result(), true, out));
                }
                return page(job, from, pageSize == null ? MAX_PAGE : pageSize, OgcLinks.base(request), response);
            }
            case FAILED -> throw job.failure();
            case DISMISSED -> throw ApiException.notFound("job", jobId);
            default -> throw new ApiException(HttpStatus.NOT_FOUND, "result_not_ready", null, jobId);
        }
    }

    private static ResponseEntity<byte[]> page(Job job, int from, int size, String base,
            HttpServletResponse response) throws IOException {
        int matched = job.result().features().size();
        int start = Math.min(from, matched);
        int end = (int) Math.min((long) start + size, matched);
        String results = base + "/jobs/" + job.id() + "/results?limit=" + size + "&offset=";
        List<Map<String, Object>> links = new ArrayList<>();
        links.add(OgcLinks.link(results + start, Rel.SELF, OgcMediaTypes.JSON, null));
        if (end < matched) {
            links.add(OgcLinks.link(results + end, Rel.NEXT, OgcMediaTypes.JSON, null));
        }
        if (start > 0) {
            links.add(OgcLinks.link(results + Math.max(0, start - size), Rel.PREV, OgcMediaTypes.JSON, null));
        }
        return ProcessesController.written(response, OgcMediaTypes.JSON,
                out -> ProcessDocuments.featureCollection(job.result(), true, start, end, links, out));
    }

    @DeleteMapping("/{jobId}")
    ResponseEntity<byte[]> dismiss(@PathVariable String jobId, HttpServletRequest request) {
        visible(status(jobId), request);
        Job job = jobs.dismiss(jobId);
        return ProcessesController.json(HttpStatus.OK,
                ProcessDocuments.bytes(ProcessDocuments.status(job, OgcLinks.base(request))), OgcMediaTypes.JSON);
    }

    /** The job without its result, or 404 problem {@code job_not_found}. */
    private Job status(String jobId) {
        return jobs.status(jobId).orElseThrow(() -> ApiException.notFound("job", jobId));
    }

    private static Job visible(Job job, HttpServletRequest request) {
        Actor actor = CurrentActor.of(request);
        if (actor.roles().contains(Role.ADMIN) || actor.username().equals(job.owner()) && !actor.roles().isEmpty()) {
            return job;
        }
        throw ApiException.notFound("job", job.id());
    }
}
