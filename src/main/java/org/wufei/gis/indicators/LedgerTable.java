package org.wufei.gis.indicators;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.wufei.gis.common.DatabaseKind;
import org.wufei.gis.indicators.SiteStates.Cell;

/**
 * The {@link StatusLedger} kept in the database ({@code indicator_ledger}, migration V310), so that a tally as of
 * any day is one SUM over a few hundred thousand rows, also right after start, instead of a replay of the whole
 * history. Derived only from {@code status_event} and {@code site}: it catches up with the events appended since
 * (and the sites edited since) by recomputing just those sites — subtracting what each contributed before, as
 * recorded in {@code indicator_site}, and adding what it contributes now — in one transaction. A small backlog is
 * caught up by the request that finds it; a large one (the first build on a big register) in the background, the
 * requests meanwhile replaying the history in SQL.
 */
@Component
class LedgerTable implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LedgerTable.class);
    /** More new events than this are caught up in the background, not by a request. */
    static final long INLINE_EVENTS = 20_000;
    /** Events committed out of id order within this many ids before the last catch-up are still found. */
    private static final long LOOKBACK_IDS = 10_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate tx;
    private final LedgerSql sql;
    private final boolean postgis;
    private final ExecutorService background;
    private final AtomicBoolean building = new AtomicBoolean();
    private volatile String current;
    private final KindStamps stamps = new KindStamps();
    private final List<Runnable> afterStart = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * Its own JdbcTemplate without the requests' statement timeout: the first build on a big register reads the
     * whole history (minutes under load), in the background, not on a request.
     */
    LedgerTable(DataSource dataSource, PlatformTransactionManager tm, DatabaseKind kind) {
        this.batch = new JdbcTemplate(dataSource);
        this.jdbc = JdbcClient.create(batch);
        this.tx = new TransactionTemplate(tm);
        // one snapshot for every statement of a catch-up: an event committed meanwhile is either wholly in or out
        this.tx.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.postgis = kind == DatabaseKind.POSTGIS;
        this.sql = new LedgerSql(postgis);
        this.background = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "indicators-ledger");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
    }

    /** At start: catch up with whatever was written while the service was down (in the background). */
    @EventListener(ApplicationReadyEvent.class)
    void catchUpAfterStart() {
        startBackground();
        background.execute(() -> { // after the catch-up (one thread): what was asked to run then
            try {
                afterStart.forEach(Runnable::run);
            } catch (RuntimeException e) {
                LOG.debug("Indicators not computed after start: {}", e.toString());
            }
        });
    }

    /** Runs {@code work} in the background once the table has caught up after the start (a warm-up). */
    void afterStart(Runnable work) {
        afterStart.add(work);
    }

    /**
     * The data version the table holds once caught up with {@code version} (or a later one), or null when it is
     * being built in the background and {@code mayWait} is false (the caller then replays the history itself).
     */
    String caughtUp(String version, boolean mayWait) {
        String held = current;
        if (version.equals(held)) {
            return held;
        }
        if (!mayWait) {
            if (building.get()) {
                return null;
            }
            State st = state();
            long newest = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM status_event").query(Long.class).single();
            if (newest - st.eventId() > INLINE_EVENTS) {
                startBackground();
                return null;
            }
        }
        try {
            return catchUp();
        } catch (RuntimeException e) { // e.g. another instance catching up at the same moment: replay this time
            LOG.warn("Indicators ledger not caught up: {}", e.toString());
            return null;
        }
    }

    /** The tally at the end of {@code day} (epoch day, district time) of one township or (null) the district. */
    List<Cell> tally(long day, String township) {
        var spec = jdbc.sql("SELECT kind, status, SUM(sites) AS n, SUM(area) AS area, SUM(overdue) AS overdue"
                + " FROM indicator_ledger WHERE on_day <= :day" + (township == null ? "" : " AND township = :t")
                + " GROUP BY kind, status").param("day", day);
        if (township != null) {
            spec = spec.param("t", township);
        }
        List<Cell> cells = new ArrayList<>(spec.query((rs, n) -> new Cell(rs.getString("kind"),
                rs.getString("status"), rs.getLong("n"), rs.getDouble("area"), rs.getLong("overdue"))).list());
        cells.removeIf(c -> c.sites() == 0 && c.overdue() == 0);
        cells.sort(Comparator.comparing(Cell::kind).thenComparing(Cell::status));
        return cells;
    }

    /** The whole table in memory, for the running sums of many days (a monthly series). */
    StatusLedger ledger() {
        return StatusLedger.of(jdbc.sql("SELECT township, kind, status, on_day, sites, area, overdue"
                + " FROM indicator_ledger").query((rs, n) -> new StatusLedger.Row(rs.getString("township"),
                        rs.getString("kind"), rs.getString("status"), rs.getLong("on_day"), rs.getLong("sites"),
                        rs.getDouble("area"), rs.getLong("overdue"))).list());
    }

    /**
     * The ledger summed into the given days (ascending epoch days, e.g. month ends): its tally is right on those
     * days only. PostGIS sums each row into the first of them at or after its day ({@code width_bucket}), so a
     * series reads a few thousand rows, not the whole table; H2 reads the whole table.
     */
    StatusLedger monthly(List<Long> days) {
        if (!postgis) {
            return ledger();
        }
        String lowerBounds = days.stream().map(d -> Long.toString(d + 1)).collect(Collectors.joining(","));
        List<StatusLedger.Row> rows = new ArrayList<>();
        jdbc.sql("SELECT township, kind, status, width_bucket(on_day, ARRAY[" + lowerBounds + "]::int[]) AS b,"
                + " SUM(sites) AS sites, SUM(area) AS area, SUM(overdue) AS overdue FROM indicator_ledger"
                + " GROUP BY 1, 2, 3, 4").query(rs -> {
                    int b = rs.getInt("b");
                    if (b < days.size()) { // beyond the last day: a deadline still to come
                        rows.add(new StatusLedger.Row(rs.getString("township"), rs.getString("kind"),
                                rs.getString("status"), days.get(b), rs.getLong("sites"), rs.getDouble("area"),
                                rs.getLong("overdue")));
                    }
                });
        return StatusLedger.of(rows);
    }

    private void startBackground() {
        if (building.compareAndSet(false, true)) {
            background.execute(() -> {
                try {
                    long start = System.nanoTime();
                    String version = catchUp();
                    LOG.info("Indicators ledger caught up with data version {} in {} ms", version,
                            (System.nanoTime() - start) / 1_000_000);
                } catch (RuntimeException e) {
                    LOG.warn("Indicators ledger not caught up: {}", e.toString());
                } finally {
                    building.set(false);
                }
            });
        }
    }

    private record State(long eventId, OffsetDateTime siteUpdated) {
    }

    private State state() {
        return jdbc.sql("SELECT event_id, site_updated FROM indicator_ledger_state WHERE id = 1")
                .query((rs, n) -> new State(rs.getLong(1), rs.getObject(2, OffsetDateTime.class))).single();
    }

    /** One catch-up, in one transaction; returns the data version the table now holds. */
    synchronized String catchUp() {
        // the kinds of the sites this catch-up recomputed; none known: every kind (the first build, another replica's)
        AtomicReference<List<String>> changedKinds = new AtomicReference<>();
        String version = tx.execute(status -> {
            if (postgis) {
                SiteStates.POSTGIS_SETTINGS.forEach(set -> jdbc.sql(set).update());
            }
            State st = jdbc.sql("SELECT event_id, site_updated FROM indicator_ledger_state WHERE id = 1 FOR UPDATE")
                    .query((rs, n) -> new State(rs.getLong(1), rs.getObject(2, OffsetDateTime.class))).single();
            var now = jdbc.sql("SELECT (SELECT MAX(id) FROM status_event) AS e, (SELECT MAX(updated_at) FROM site) AS u")
                    .query((rs, n) -> new Object[] {rs.getLong("e"), rs.getString("u"),
                        rs.getObject("u", OffsetDateTime.class)}).single();
            long bound = (Long) now[0];
            OffsetDateTime updated = (OffsetDateTime) now[2];
            String held = SiteStates.version(bound, (String) now[1]);
            if (held.equals(current) || bound == st.eventId() && java.util.Objects.equals(updated, st.siteUpdated())) {
                return held;
            }
            boolean full = st.eventId() == 0 && st.siteUpdated() == null;
            if (!full) {
                jdbc.sql("DELETE FROM indicator_pending").update();
                jdbc.sql(LedgerSql.PENDING).param("from", Math.max(0, st.eventId() - LOOKBACK_IDS))
                        .param("bound", bound).param("since", st.siteUpdated() == null ? OffsetDateTime.parse(
                                "1970-01-01T00:00:00Z") : st.siteUpdated()).update();
                analyze("indicator_pending"); // a handful of rows: index lookups, not scans of the million
                changedKinds.set(jdbc.sql("SELECT kind FROM site WHERE id IN (SELECT site_id FROM indicator_pending)"
                        + " UNION SELECT kind FROM indicator_site WHERE id IN (SELECT site_id FROM indicator_pending)")
                        .query(String.class).list());
            }
            Map<StatusLedger.Row, StatusLedger.Row> rows = new HashMap<>();
            add(rows, sql.moves(full, false), bound, 1);
            if (!full) {
                add(rows, sql.moves(false, true), bound, -1);
            }
            LedgerRows.write(batch, rows.values(), full);
            jdbc.sql(full ? LedgerSql.SITES_FULL : LedgerSql.SITES_DELETE).param("bound", bound).update();
            if (!full) {
                jdbc.sql(LedgerSql.SITES_PENDING).param("bound", bound).update();
                jdbc.sql("DELETE FROM indicator_span WHERE site_id IN (SELECT site_id FROM indicator_pending)")
                        .update();
            }
            jdbc.sql(sql.spans(full)).param("bound", bound).update();
            if (full) {
                List.of("indicator_site", "indicator_span", "indicator_ledger").forEach(this::analyze);
            }
            if (!full) {
                jdbc.sql("DELETE FROM indicator_pending").update();
            }
            jdbc.sql("UPDATE indicator_ledger_state SET event_id = :e, site_updated = :u WHERE id = 1")
                    .param("e", bound).param("u", updated).update();
            return held;
        });
        if (!version.equals(current)) {
            if (changedKinds.get() == null) {
                stamps.everything(version);
            } else {
                stamps.changed(changedKinds.get(), version);
            }
        }
        current = version;
        return version;
    }

    /** A cache key for values of these kinds under {@code version}: {@code version} itself unless the table holds it. */
    String stamp(String version, List<String> kinds) {
        return version.equals(current) && stamps.known() ? stamps.stamp(kinds) : version;
    }

    /**
     * PostgreSQL: the planner's statistics of a table just filled (unknown, it guessed thousands of rows for the
     * pending ids and hash-joined the ledger's million rows: 0.1-0.3 s per statement of a one-site catch-up).
     */
    private void analyze(String table) {
        if (postgis) {
            jdbc.sql("ANALYZE " + table).update();
        }
    }

    /** Reads the moves of these statements, turns them into ledger rows and sums them by key into {@code rows}. */
    private void add(Map<StatusLedger.Row, StatusLedger.Row> rows, List<String> statements, long bound, int sign) {
        List<StatusLedger.Move> moves = new ArrayList<>();
        for (String statement : statements) {
            moves.addAll(jdbc.sql(statement).param("bound", bound).query((rs, n) -> new StatusLedger.Move(
                    rs.getString("township") == null ? "" : rs.getString("township"), rs.getString("kind"),
                    rs.getString("prev"), rs.getString("to_status"), rs.getLong("on_day"), due(rs),
                    sign * rs.getLong("n"), sign * rs.getDouble("area"))).list());
        }
        for (StatusLedger.Row r : StatusLedger.rows(moves)) {
            rows.merge(r.key(), r, StatusLedger.Row::plus);
        }
    }

    private static Long due(java.sql.ResultSet rs) throws java.sql.SQLException {
        long due = rs.getLong("due");
        return rs.wasNull() ? null : due;
    }

    @Override
    public void close() {
        background.shutdownNow();
    }
}
