package org.wufei.gis.analysis;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.wufei.gis.common.ApiException;
import org.wufei.gis.common.DatabaseKind;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code process_job} table: jobs survive a restart and every replica sees them. A worker claims the oldest
 * accepted job with {@code SELECT … FOR UPDATE SKIP LOCKED} on PostGIS (two replicas never run one job twice);
 * H2GIS, embedded in one instance, claims with a conditional UPDATE. Every change of state is conditional on the
 * state it leaves, so a late worker never overwrites a dismissal or a timeout.
 */
@Component
class JobStore {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int CLAIM_ATTEMPTS = 20;
    private static final String COLUMNS = "id, process_id, owner, status, progress, failure_code, failure_status,"
            + " failure_args, created_at, started_at, finished_at";

    /** A claimed job: what a worker needs to run it. */
    record Claimed(String id, String processId, String owner, String inputs) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final boolean skipLocked;

    JobStore(JdbcClient jdbc, TransactionTemplate tx, DatabaseKind databaseKind) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.skipLocked = databaseKind == DatabaseKind.POSTGIS;
    }

    /** Whether only this instance runs jobs (embedded H2GIS). */
    boolean singleInstance() {
        return !skipLocked;
    }

    void insert(Job job, String inputs) {
        jdbc.sql("INSERT INTO process_job (id, process_id, owner, status, progress, inputs, created_at)"
                + " VALUES (?, ?, ?, 'accepted', 0, ?, ?)")
                .params(job.id(), job.processId(), job.owner(), inputs, ts(job.created())).update();
    }

    /** Takes the oldest accepted job for this worker (status running), or empty when none is waiting. */
    Optional<Claimed> claim(String worker, Instant now) {
        // H2GIS: another worker of this instance may take the candidate between SELECT and UPDATE; then try the next
        for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
            Optional<Optional<Claimed>> outcome;
            try {
                outcome = tx.execute(status -> claimOnce(worker, now));
            } catch (PessimisticLockingFailureException e) {
                continue; // H2GIS: the row was locked by the worker that took it
            }
            if (outcome != null && outcome.isPresent()) {
                return outcome.get();
            }
        }
        return Optional.empty();
    }

    /** Empty when another worker took the candidate first; else the claimed job or empty when none waits. */
    private Optional<Optional<Claimed>> claimOnce(String worker, Instant now) {
        String lock = skipLocked ? " FOR UPDATE SKIP LOCKED" : "";
        Optional<Claimed> next = jdbc.sql("SELECT id, process_id, owner, inputs FROM process_job"
                + " WHERE status = 'accepted' ORDER BY created_at, id LIMIT 1" + lock)
                .query((rs, i) -> new Claimed(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
        if (next.isEmpty()) {
            return Optional.of(next);
        }
        int taken = jdbc.sql("UPDATE process_job SET status = 'running', claimed_by = ?, started_at = ?"
                + " WHERE id = ? AND status = 'accepted'").params(worker, ts(now), next.get().id()).update();
        return taken == 1 ? Optional.of(next) : Optional.empty();
    }

    /** Ends a job that is still accepted or running; false when it had already ended (dismissed, timed out). */
    boolean finish(String id, Job.State state, byte[] result, ApiException failure, Instant now) {
        List<String> args = new ArrayList<>();
        if (failure != null) {
            for (Object a : failure.args()) {
                args.add(String.valueOf(a));
            }
        }
        return jdbc.sql("UPDATE process_job SET status = ?, progress = 100, result_gzip = ?, failure_code = ?,"
                + " failure_status = ?, failure_args = ?, finished_at = ?"
                + " WHERE id = ? AND status IN ('accepted', 'running')")
                .params(state.code(), result, failure == null ? null : failure.code(),
                        failure == null ? null : failure.status().value(),
                        failure == null ? null : JSON.writeValueAsString(args), ts(now), id).update() == 1;
    }

    /** Dismisses a job in any state: its result is dropped. */
    boolean dismiss(String id, Instant now) {
        return jdbc.sql("UPDATE process_job SET status = 'dismissed', result = NULL, result_gzip = NULL,"
                + " finished_at = ?"
                + " WHERE id = ?").params(ts(now), id).update() == 1;
    }

    /**
     * Running jobs whose worker has been gone longer than a job may run (a restart, a replica that died) go back to
     * accepted; a process only reads, so running it again is safe.
     */
    int requeueAbandoned(Instant startedBefore) {
        return jdbc.sql("UPDATE process_job SET status = 'accepted', claimed_by = NULL, started_at = NULL"
                + " WHERE status = 'running' AND started_at < ?").param(ts(startedBefore)).update();
    }

    /** Keeps the newest {@code kept} ended jobs. */
    void forgetOldest(int kept) {
        jdbc.sql("SELECT created_at FROM process_job WHERE status IN ('successful', 'failed', 'dismissed')"
                + " ORDER BY created_at DESC LIMIT 1 OFFSET ?").param(kept).query(Timestamp.class).optional()
                .ifPresent(oldestKept -> jdbc.sql("DELETE FROM process_job WHERE created_at <= ?"
                        + " AND status IN ('successful', 'failed', 'dismissed')").param(oldestKept).update());
    }

    Optional<Job> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + ", result_gzip, result FROM process_job WHERE id = ?").param(id)
                .query((rs, i) -> job(rs, true)).optional();
    }

    /** The job without its result (which may be megabytes). */
    Optional<Job> status(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM process_job WHERE id = ?").param(id)
                .query((rs, i) -> job(rs, false)).optional();
    }

    /** One owner's jobs (every job for null), newest first, without their results. */
    List<Job> list(String owner, int limit) {
        String where = owner == null ? "" : " WHERE owner = ?";
        var sql = jdbc.sql("SELECT " + COLUMNS + " FROM process_job" + where + " ORDER BY created_at DESC, id LIMIT "
                + limit);
        return (owner == null ? sql : sql.param(owner)).query((rs, i) -> job(rs, false)).list();
    }

    private static Job job(ResultSet rs, boolean withResult) throws SQLException {
        Job.State state = Job.State.of(rs.getString("status"));
        ProcessResult result = withResult ? result(rs) : null;
        ApiException failure = null;
        if (rs.getString("failure_code") != null) {
            String[] args = JSON.readValue(rs.getString("failure_args"), String[].class);
            failure = new ApiException(HttpStatus.valueOf(rs.getInt("failure_status")), rs.getString("failure_code"),
                    null, (Object[]) args);
        }
        return new Job(rs.getString("id"), rs.getString("process_id"), rs.getString("owner"), state,
                instant(rs, "created_at"), instant(rs, "started_at"), instant(rs, "finished_at"),
                result, failure, rs.getInt("progress"));
    }

    /** The gzipped result, or the JSON text of a result written before V313; null if the job has none. */
    private static ProcessResult result(ResultSet rs) throws SQLException {
        byte[] gzipped = rs.getBytes("result_gzip");
        if (gzipped != null) {
            return ProcessResultJson.read(gzipped);
        }
        String text = rs.getString("result");
        return text == null ? null : ProcessResultJson.read(text);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
