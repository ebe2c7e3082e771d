package org.wufei.gis.ogc.processes;

import org.wufei.gis.common.Locales;
import org.wufei.gis.common.Texts;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.wufei.gis.analysis.FeatureProperties;
import org.wufei.gis.analysis.Job;
import org.wufei.gis.analysis.ProcessDescription;
import org.wufei.gis.analysis.ProcessResult;
import org.wufei.gis.ogc.OgcLinks;
import org.wufei.gis.ogc.OgcMediaTypes;
import org.wufei.gis.ogc.Rel;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/** The JSON documents of OGC API - Processes: process summaries and descriptions, job status, results. */
final class ProcessDocuments {
    static final JsonMapper JSON = JsonMapper.builder().build();
    /**
     * For writing into a stream that its owner closes (a servlet response's), never flushed on the way: a flush
     * commits the response without a Content-Length, even for an answer that fits the response buffer.
     */
    private static final JsonMapper UNCLOSING = JsonMapper.builder()
            .disable(tools.jackson.core.StreamWriteFeature.AUTO_CLOSE_TARGET)
            .disable(tools.jackson.core.StreamWriteFeature.FLUSH_PASSED_TO_STREAM).build();
    static final String REL_PROCESSES = "http://www.opengis.net/def/rel/ogc/1.0/processes";
    static final String REL_JOB_LIST = "http://www.opengis.net/def/rel/ogc/1.0/job-list";
    static final String REL_EXECUTE = "http://www.opengis.net/def/rel/ogc/1.0/execute";
    static final String REL_RESULTS = "http://www.opengis.net/def/rel/ogc/1.0/results";
    static final String REL_STATUS = "http://www.opengis.net/def/rel/ogc/1.0/status";

    private ProcessDocuments() {
    }

    static Map<String, Object> summary(ProcessDescription d, String base, Locale locale) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", d.id());
        doc.put("title", d.title().in(locale));
        doc.put("description", d.description().in(locale));
        doc.put("version", d.version());
        doc.put("jobControlOptions", List.of("sync-execute", "async-execute", "dismiss"));
        doc.put("outputTransmission", List.of("value"));
        List<Map<String, Object>> links = new ArrayList<>();
        links.add(OgcLinks.link(base + "/processes/" + d.id(), Rel.SELF, OgcMediaTypes.JSON, d.title().in(locale)));
        links.add(OgcLinks.link(base + "/processes/" + d.id() + "/execution", REL_EXECUTE, OgcMediaTypes.JSON,
                null));
        doc.put("links", links);
        return doc;
    }

    static Map<String, Object> description(ProcessDescription d, String base, Locale locale) {
        Map<String, Object> doc = summary(d, base, locale);
        Map<String, Object> inputs = new LinkedHashMap<>();
        for (ProcessDescription.Input in : d.inputs()) {
            Map<String, Object> i = new LinkedHashMap<>();
            i.put("title", in.title().in(locale));
            i.put("schema", in.schema());
            i.put("minOccurs", in.required() ? 1 : 0);
            i.put("maxOccurs", 1);
            inputs.put(in.name(), i);
        }
        doc.put("inputs", inputs);
        Map<String, Object> outputs = new LinkedHashMap<>();
        for (ProcessDescription.Output out : d.outputs()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("title", out.title().in(locale));
            o.put("schema", out.schema());
            outputs.put(out.name(), o);
        }
        doc.put("outputs", outputs);
        return doc;
    }

    static Map<String, Object> status(Job job, String base) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("processID", job.processId());
        doc.put("type", "process");
        doc.put("jobID", job.id());
        doc.put("status", job.state().code());
        if (job.failure() != null) {
            doc.put("message", job.failure().code());
        }
        doc.put("created", job.created().toString());
        if (job.started() != null) {
            doc.put("started", job.started().toString());
        }
        if (job.finished() != null) {
            doc.put("finished", job.finished().toString());
        }
        doc.put("updated", job.updated().toString());
        doc.put("progress", job.progress());
        List<Map<String, Object>> links = new ArrayList<>();
        links.add(OgcLinks.link(base + "/jobs/" + job.id(), Rel.SELF, OgcMediaTypes.JSON, null));
        // RFC 5988 "monitor": where the status of this job is followed (what a client of a 201 looks for)
        links.add(OgcLinks.link(base + "/jobs/" + job.id(), "monitor", OgcMediaTypes.JSON, null));
        if (job.state() == Job.State.SUCCESSFUL) {
            links.add(OgcLinks.link(base + "/jobs/" + job.id() + "/results", REL_RESULTS, OgcMediaTypes.JSON,
                    null));
        }
        doc.put("links", links);
        return doc;
    }

    /**
     * A result as a GeoJSON FeatureCollection, with {@code summary} as a foreign member; wrapped when asked; written
     * into {@code out}, which stays open.
     */
    static void featureCollection(ProcessResult result, boolean document, OutputStream out) {
        featureCollection(result, document, 0, result.features().size(), null, out);
    }

    /**
     * Rows {@code from} (inclusive) to {@code to} (exclusive) of a result; with {@code links} (a page of a job's
     * result) also {@code numberMatched} and the links (self, next, prev). Written into {@code out} as it goes, which
     * stays open: an answer is not held whole first (a 300 m search's answer of over 512 KB in one byte array is a
     * humongous object for G1, and each started a concurrent cycle with its 11 ms remark pause, measured in
     * bench/processes.sh).
     */
    static void featureCollection(ProcessResult result, boolean document, int from, int to,
            List<Map<String, Object>> links, OutputStream out) {
        try (JsonGenerator g = UNCLOSING.createGenerator(out)) {
            if (document) {
                g.writeStartObject();
                g.writeName("result");
            }
            g.writeStartObject();
            g.writeStringProperty("type", "FeatureCollection");
            g.writeName("summary");
            g.writePOJO(result.summary());
            if (links != null) {
                g.writeNumberProperty("numberMatched", result.features().size());
            }
            g.writeNumberProperty("numberReturned", to - from);
            if (links != null) {
                g.writeName("links");
                g.writePOJO(links);
            }
            g.writeArrayPropertyStart("features");
            for (ProcessResult.Feature f : result.features().subList(from, to)) {
                g.writeStartObject();
                g.writeStringProperty("type", "Feature");
                g.writeStringProperty("id", f.id());
                g.writeName("geometry");
                if (f.geoJson() != null) {
                    g.writeRawValue(f.geoJson());
                } else if (f.geometry() == null) {
                    g.writeNull();
                } else {
                    GeoJsonGeometry.write(g, f.geometry());
                }
                g.writeName("properties");
                FeatureProperties.write(g, f.properties());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            if (document) {
                g.writeEndObject();
            }
        }
    }

    static byte[] bytes(Object document) {
        return JSON.writeValueAsBytes(document);
    }
}
