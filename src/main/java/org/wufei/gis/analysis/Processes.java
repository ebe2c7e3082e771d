package org.wufei.gis.analysis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.wufei.gis.common.ApiException;
import org.wufei.gis.common.District;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** Every planning process by id; runs one with its inputs checked against its description. */
@Component
@EnableConfigurationProperties(AnalysisLimits.class)
public class Processes {
    private static final ThreadLocal<Boolean> IN_JOB = new ThreadLocal<>();
    private final Map<String, PlanningProcess> byId = new LinkedHashMap<>();
    private final District district;
    private final AnalysisLimits limits;

    public Processes(List<PlanningProcess> processes, District district, AnalysisLimits limits) {
        processes.forEach(p -> byId.put(p.description().id(), p));
        this.district = district;
        this.limits = limits;
    }

    public List<ProcessDescription> all() {
        return byId.values().stream().map(PlanningProcess::description).toList();
    }

    public Optional<ProcessDescription> find(String id) {
        return Optional.ofNullable(byId.get(id)).map(PlanningProcess::description);
    }

    /** The process, or 404 problem {@code process_not_found}. */
    public ProcessDescription require(String id) {
        return find(id).orElseThrow(() -> ApiException.notFound("process", id));
    }

    public AnalysisLimits limits() {
        return limits;
    }

    /** Checks the inputs (400 on an unknown or missing one) before anything runs or is queued. */
    public ProcessInputs inputs(String id, JsonNode inputs) {
        ProcessDescription d = require(id);
        JsonNode object = inputs == null || inputs.isNull() ? JsonNodeFactory.instance.objectNode() : inputs;
        if (!object.isObject()) {
            throw ApiException.badRequest("process_inputs_invalid", "inputs");
        }
        ProcessInputs checked = new ProcessInputs(object, district, limits);
        checked.checkNames(d);
        return checked;
    }

    /** Runs the process now, on the calling thread, for an answer in this request (at most max-results rows). */
    public ProcessResult execute(String id, ProcessInputs inputs) {
        return execute(id, inputs, limits.maxResults(), "result_too_large");
    }

    /**
     * Runs the process for a job, whose result is kept and read in pages (at most max-job-results rows); its
     * statements may run up to max-job-seconds each instead of the statement timeout of an answer.
     */
    ProcessResult executeForJob(String id, ProcessInputs inputs) {
        IN_JOB.set(Boolean.TRUE);
        try {
            return execute(id, inputs, limits.maxJobResults(), "job_result_too_large");
        } finally {
            IN_JOB.remove();
        }
    }

    /** Whether the calling thread runs a process as a job (its statements get the job's time limit). */
    public static boolean runningAsJob() {
        return IN_JOB.get() != null;
    }

    private ProcessResult execute(String id, ProcessInputs inputs, int maxRows, String refusal) {
        ProcessResult result = byId.get(require(id).id()).execute(inputs);
        if (result.features().size() > maxRows) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, refusal, null, maxRows);
        }
        return result;
    }
}
