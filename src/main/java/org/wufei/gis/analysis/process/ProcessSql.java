package org.wufei.gis.analysis.process;

import java.sql.SQLException;
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
    /** PostGIS: the statements of one process in one read-only transaction without JIT; null on H2GIS. */
    private final TransactionTemplate withoutJit;

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
            this.withoutJit = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
            withoutJit.setReadOnly(true);
        } else {
            this.withoutJit = null;
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

    /** Runs the queries of one process, turning a statement timeout into a 422 problem. */
    <T> T run(Supplier<T> queries) {
        try {
            return queries.get();
        } catch (DataAccessException e) {
            if (timedOut(e)) {
                throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "process_too_long", null,
                        Processes.runningAsJob() ? jobTimeoutSeconds : timeoutSeconds);
            }
            throw e;
        }
    }

    /**
     * {@link #run} for statements over many rows (a join over river pieces, a district-wide read): on PostGIS in one
     * read-only transaction with JIT compilation off. PostgreSQL compiles a statement of high estimated cost with
     * LLVM first: 0.2-0.7 s per statement measured here, more than such a statement then saves.
     */
    <T> T runLarge(Supplier<T> queries) {
        if (withoutJit == null) {
            return run(queries);
        }
        return run(() -> withoutJit.execute(status -> {
            jdbc().sql("SET LOCAL jit = off").update();
            // the ranking of a worklist of tens of thousands of rows sorts in memory, not in temporary files
            jdbc().sql("SET LOCAL work_mem = '64MB'").update();
            return queries.get();
        }));
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
