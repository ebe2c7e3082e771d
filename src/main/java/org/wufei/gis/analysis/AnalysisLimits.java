package org.wufei.gis.analysis;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Bounds every process stays within ({@code gis.analysis}), so no input can start an unbounded query.
 *
 * @param statementTimeoutSeconds each SQL statement of a process is cancelled after this long
 * @param maxDistanceMetres the largest radius or buffer accepted (the district is about 45 km across)
 * @param maxK the most nearest sites one request may ask for
 * @param maxResults the most rows a synchronous result may hold; more is refused, asking for narrower inputs or a
 *     job
 * @param maxJobResults the most rows a job's result may hold (kept in the database, read back in pages)
 * @param maxJobSeconds an asynchronous job running longer is cancelled and fails
 * @param jobWorkers threads running asynchronous jobs
 * @param jobsKept finished jobs kept for their results (oldest dropped first)
 */
@ConfigurationProperties("gis.analysis")
public record AnalysisLimits(Integer statementTimeoutSeconds, Double maxDistanceMetres, Integer maxK,
        Integer maxResults, Integer maxJobSeconds, Integer jobWorkers, Integer jobsKept, Integer maxJobResults) {

    public AnalysisLimits {
        statementTimeoutSeconds = statementTimeoutSeconds == null ? 10 : statementTimeoutSeconds;
        maxDistanceMetres = maxDistanceMetres == null ? 50_000.0 : maxDistanceMetres;
        maxK = maxK == null ? 100 : maxK;
        maxResults = maxResults == null ? 20_000 : maxResults;
        maxJobSeconds = maxJobSeconds == null ? 300 : maxJobSeconds;
        jobWorkers = jobWorkers == null ? 2 : jobWorkers;
        jobsKept = jobsKept == null ? 500 : jobsKept;
        maxJobResults = maxJobResults == null ? 200_000 : maxJobResults;
    }
}
