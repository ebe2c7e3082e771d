package org.wufei.gis.analysis;

/** One planning process: what it takes and gives, and how it runs. Implementations are Spring beans. */
public interface PlanningProcess {

    ProcessDescription description();

    /** Runs the process; refusals of the inputs are {@link org.wufei.gis.common.ApiException}s (4xx). */
    ProcessResult execute(ProcessInputs inputs);
}
