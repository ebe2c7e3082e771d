package org.wufei.gis.analysis.process;

import jakarta.annotation.PreDestroy;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.wufei.gis.analysis.AnalysisLimits;
import org.wufei.gis.analysis.Processes;
import org.wufei.gis.common.ApiException;
import org.wufei.gis.common.DatabaseKind;
import org.wufei.gis.common.District;

/**
 * The processes' way to SQL: one JdbcClient whose every statement carries the statement timeout
 * ({@code gis.analysis.statement-timeout-seconds}); a statement stopped by it is a 422 {@code process_too_long}.
 */
@Component
class ProcessSql {
    private final JdbcClient jdbc;
    private final JdbcClient jobJdbc;
    private final int jobTimeoutSeconds;
    private final AnalysisDialect dialect;
    private final DatabaseKind database;
    private final District district;
    private final int timeoutSeconds;
    /** PostGIS: the statements of one process in one read-only transaction (see {@link #run}); null on H2GIS. */
    private final TransactionTemplate readOnly;
    /** Runs the further parts of {@link #runLargeInParts}; a job or an answer waits for its parts. */
    private final ExecutorService partThreads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "process-part");
        t.setDaemon(true);
        return t;
    });

    @org.springframework.beans.factory.annotation.Autowired
    ProcessSql(DataSource dataSource, DatabaseKind kind, District district, AnalysisLimits limits) {
        this(dataSource, kind, district, limits.statementTimeoutSeconds(), limits.maxJobSeconds());
    }

    ProcessSql(DataSource dataSource, DatabaseKind kind, District district, int timeoutSeconds) {
        this(dataSource, kind, district, timeoutSeconds, timeoutSeconds);
    }

    private ProcessSql(DataSource dataSource, DatabaseKind kind, District district, int timeoutSeconds,
            int jobTimeoutSeconds) {
        this.jdbc = client(dataSource, timeoutSeconds);
        this.jobJdbc = client(dataSource, jobTimeoutSeconds);
        this.jobTimeoutSeconds = jobTimeoutSeconds;
        this.dialect = new AnalysisDialect(kind, district.metricEpsg());
        this.database = kind;
        this.district = district;
        this.timeoutSeconds = timeoutSeconds;
        if (kind == DatabaseKind.POSTGIS) {
            this.readOnly = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
            readOnly.setReadOnly(true);
        } else {
            this.readOnly = null;
        }
    }

    /** A site attribute as text, read from the JSON column of the site table aliased {@code alias}. */
    String attribute(String alias, String name) {
        return org.wufei.gis.sites.AttributeSql.text(database, alias, name);
    }

    private static JdbcClient client(DataSource dataSource, int timeoutSeconds) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setQueryTimeout(timeoutSeconds);
        return JdbcClient.create(template);
    }

    /** Statements of an answer stop at the statement timeout; those of a job at the job's limit. */
    JdbcClient jdbc() {
        return Processes.runningAsJob() ? jobJdbc : jdbc;
    }

    AnalysisDialect dialect() {
        return dialect;
    }

    District district() {
        return district;
    }

    /**
     * Runs the queries of one process, turning a statement timeout into a 422 problem. On PostGIS they run in one
     * read-only transaction ({@link #SESSION}) planned for their actual values and without parallel workers. After
     * five runs of one statement on a connection PostgreSQL may keep a generic plan, which cannot fold the bound
     * geometry (its ST_Transform then runs for every candidate row) and guesses the selectivity of the box and of
     * the bound kinds; and each new parallel worker process loads PROJ again before its first ST_Transform. Measured
     * at 1,000,000 sites, a 300 m search over 1,544 candidates: generic plan 159 ms, planned for its values with a
     * worker 42-107 ms, without 12 ms; planning takes under 1 ms.
     */
    <T> T run(Supplier<T> queries) {
        return inTransaction(queries, false);
    }

    /**
     * {@link #run} for statements over many rows (a join over river pieces, a district-wide read): on PostGIS also
     * without JIT compilation. PostgreSQL compiles a statement of high estimated cost with LLVM first: 0.2-0.7 s per
     * statement measured here, more than such a statement then saves.
     */
    <T> T runLarge(Supplier<T> queries) {
        return inTransaction(queries, true);
    }

    /**
     * Runs {@code parts} parts of one large process side by side, each in its own {@link #runLarge} transaction on
     * its own connection (the calling thread runs the first), and returns their answers in part order. Each part gets
     * the client of the caller (a job's statements keep the job's time limit). PostgreSQL runs a statement on one
     * core; a screening along the rivers cut in two halves of its pieces takes 0.9 s a half where the whole took
     * 1.4 s (1,000,000 sites). The parts are separate transactions started together, not one snapshot.
     */
    <T> List<T> runLargeInParts(int parts, BiFunction<JdbcClient, Integer, T> part) {
        JdbcClient client = jdbc();
        boolean job = Processes.runningAsJob();
        List<Future<T>> others = new ArrayList<>();
        try {
            for (int i = 1; i < parts; i++) {
                int n = i;
                others.add(partThreads.submit(() -> inTransaction(client, job, () -> part.apply(client, n), true)));
            }
            List<T> answers = new ArrayList<>();
            answers.add(inTransaction(client, job, () -> part.apply(client, 0), true));
            for (Future<T> other : others) {
                answers.add(other.get());
            }
            return answers;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a part of the process", e);
        } finally {
            others.forEach(f -> f.cancel(true));
        }
    }

    @PreDestroy
    void stop() {
        partThreads.shutdownNow();
    }

    /** The settings of every process transaction on PostGIS (see {@link #run}). */
    static final String SESSION = "SELECT set_config('plan_cache_mode', 'force_custom_plan', true),"
            + " set_config('max_parallel_workers_per_gather', '0', true)";

    private <T> T inTransaction(Supplier<T> queries, boolean large) {
        return inTransaction(jdbc(), Processes.runningAsJob(), queries, large);
    }

    private <T> T inTransaction(JdbcClient client, boolean job, Supplier<T> queries, boolean large) {
        try {
            if (readOnly == null) {
                return queries.get();
            }
            return readOnly.execute(status -> {
                // one round trip; the ranking of a worklist of tens of thousands of rows sorts in memory
                client.sql(large ? SESSION + ", set_config('jit', 'off', true), set_config('work_mem', '64MB', true)"
                        : SESSION).query().singleRow();
                return queries.get();
            });
        } catch (DataAccessException e) {
            if (timedOut(e)) {
                throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "process_too_long", null,
                        job ? jobTimeoutSeconds : timeoutSeconds);
            }
            throw e;
        }
    }

    private static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof QueryTimeoutException || t instanceof java.sql.SQLTimeoutException) {
                return true;
            }
            // 57014: query_canceled (PostgreSQL) / statement canceled or timed out (H2)
            if (t instanceof SQLException s && "57014".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    static Geometry wkb(byte[] bytes) {
        try {
            Geometry g = new WKBReader().read(bytes);
            g.setSRID(4326);
            return g;
        } catch (ParseException e) {
            throw new IllegalStateException("Unreadable geometry from the database", e);
        }
    }

    /** Degrees of longitude and latitude that surely cover {@code metres} anywhere in the district. */
    double[] degrees(double metres) {
        double[] b = district.bbox();
        double farthestLat = Math.max(Math.abs(b[1]), Math.abs(b[3])) + 0.5;
        double dLat = metres * 1.05 / 110_574.0;
        double dLon = metres * 1.05 / (111_320.0 * Math.cos(Math.toRadians(farthestLat)));
        return new double[] {dLon, dLat};
    }
}
