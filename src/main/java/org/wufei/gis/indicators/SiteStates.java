package org.wufei.gis.indicators;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.wufei.gis.common.DatabaseKind;
import org.wufei.gis.indicators.IndicatorDefinition.Clause;

/**
 * The SQL behind the indicators: the register's sites as they are now, or as they were at a moment replayed from
 * the append-only {@code status_event} (a site's status then is the {@code to_status} of its last CREATED or
 * TRANSITION event at or before that moment; sites deleted by then are left out), tallied or listed.
 */
@Component
class SiteStates {
    static final int MAX_SITES = 5000;

    private static final String NOW = """
            SELECT s.id, s.code, s.name, s.kind, s.status, s.township, s.area_m2, s.deadline, s.geom
            FROM site s WHERE s.deleted_at IS NULL""";
    private static final String REPLAYED = """
            SELECT s.id, s.code, s.name, s.kind, h.to_status AS status, s.township, s.area_m2, s.deadline, s.geom
            FROM site s
            JOIN (%s) h ON h.site_id = s.id
            WHERE s.deleted_at IS NULL OR s.deleted_at >= :end""";
    /**
     * The last CREATED or TRANSITION event of each site before {@code :end}. PostGIS: DISTINCT ON, read in the order
     * of {@code status_event_replay_idx} (an index-only scan, no sort of the history); H2 has no DISTINCT ON.
     */
    private static final String LAST_EVENT_POSTGIS = """
            SELECT DISTINCT ON (e.site_id) e.site_id, e.to_status
            FROM status_event e
            WHERE e.event_type IN ('CREATED', 'TRANSITION') AND e.at < :end%s
            ORDER BY e.site_id, e.at DESC, e.id DESC""";
    private static final String LAST_EVENT_H2GIS = """
            SELECT site_id, to_status FROM (
                SELECT e.site_id, e.to_status,
                       ROW_NUMBER() OVER (PARTITION BY e.site_id ORDER BY e.at DESC, e.id DESC) AS rn
                FROM status_event e
                WHERE e.event_type IN ('CREATED', 'TRANSITION') AND e.at < :end%s) r
            WHERE rn = 1""";

    /**
     * The sites of these kinds in these statuses at the end of a day, from the spans the ledger table keeps
     * ({@link LedgerTable}, once caught up): an index range scan instead of a replay.
     */
    private static final String SPANS = """
            SELECT s.id, s.code, s.name, s.kind, sp.status, s.township, s.area_m2, s.deadline, s.geom
            FROM indicator_span sp JOIN site s ON s.id = sp.site_id
            WHERE sp.kind IN (:kinds) AND sp.status IN (:statuses) AND sp.from_day <= :dayNo
              AND (sp.to_day IS NULL OR sp.to_day > :dayNo) AND (s.deleted_at IS NULL OR s.deleted_at >= :end)""";

    /** Replays only the sites of these kinds (the drill-down and the serving sites of a coverage need no others). */
    private static final String OF_KINDS = " AND e.site_id IN (SELECT k.id FROM site k WHERE k.kind IN (:kinds))";

    /**
     * PostgreSQL settings for the whole-history statements (only inside their own transaction): no JIT (it costs
     * more to compile than it saves here), no parallel workers (each would replay the whole history again for its
     * hash table), and memory for the ledger's hash aggregate so it does not spill to disk.
     */
    static final List<String> POSTGIS_SETTINGS = List.of("SET LOCAL jit = off",
            "SET LOCAL max_parallel_workers_per_gather = 0", "SET LOCAL work_mem = '256MB'");

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final boolean postgis;
    private final String lastEvent;

    SiteStates(JdbcClient jdbc, PlatformTransactionManager tm, DatabaseKind kind) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(tm);
        this.tx.setReadOnly(true);
        this.postgis = kind == DatabaseKind.POSTGIS;
        this.lastEvent = postgis ? LAST_EVENT_POSTGIS : LAST_EVENT_H2GIS;
    }

    /** A whole-history read, on PostGIS with {@link #POSTGIS_SETTINGS} for its transaction. */
    private <T> T wholeHistory(Supplier<T> read) {
        if (!postgis) {
            return read.get();
        }
        return tx.execute(status -> {
            POSTGIS_SETTINGS.forEach(set -> jdbc.sql(set).update());
            return read.get();
        });
    }

    /** When and where: {@code end} null means now; {@code day} is the date deadlines are compared with. */
    record Moment(OffsetDateTime end, LocalDate day, String township) {
    }

    /** Per kind and status: how many sites, their area and how many are past their deadline. */
    record Cell(String kind, String status, long sites, double areaM2, long overdue) {
    }

    record SiteRow(long id, String code, String name, String kind, String status, String township,
            LocalDate deadline, double lon, double lat) {
    }

    List<Cell> tally(Moment m) {
        Map<String, Object> params = params(m);
        String sql = "SELECT st.kind, st.status, COUNT(*) AS n, COALESCE(SUM(st.area_m2), 0) AS area, "
                + "SUM(CASE WHEN st.deadline < :day THEN 1 ELSE 0 END) AS overdue FROM (" + state(m) + ") st"
                + township(m) + " GROUP BY st.kind, st.status";
        return wholeHistory(() -> jdbc.sql(sql).params(params).query((rs, n) -> new Cell(rs.getString("kind"),
                rs.getString("status"), rs.getLong("n"), rs.getDouble("area"), rs.getLong("overdue"))).list());
    }

    /**
     * The drill-down: at most {@link #MAX_SITES} sites of the selection, by id; as of a day from the ledger table's
     * spans when {@code spans} (it has caught up), else replayed.
     */
    List<SiteRow> sites(Moment m, List<Clause> selection, boolean spans) {
        return sites(m, selection, true, spans);
    }

    /** Every site of the selection, for a coverage: a cap would leave serving sites out and undercount. */
    List<SiteRow> allSites(Moment m, List<Clause> selection, boolean spans) {
        return sites(m, selection, false, spans);
    }

    /** Every site of the selection, replayed from the history. */
    List<SiteRow> allSites(Moment m, List<Clause> selection) {
        return sites(m, selection, false, false);
    }

    private List<SiteRow> sites(Moment m, List<Clause> selection, boolean capped, boolean spans) {
        Map<String, Object> params = params(m);
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < selection.size(); i++) {
            Clause c = selection.get(i);
            parts.add("(st.kind IN (:k" + i + ") AND st.status IN (:s" + i + ")"
                    + (c.overdue() ? " AND st.deadline < :day" : "") + ")");
            params.put("k" + i, c.kind());
            params.put("s" + i, c.status());
        }
        params.put("kinds", selection.stream().flatMap(c -> c.kind().stream()).distinct().toList());
        params.put("statuses", selection.stream().flatMap(c -> c.status().stream()).distinct().toList());
        params.put("dayNo", m.day().toEpochDay());
        String where = township(m);
        String state = m.end() == null ? NOW : spans ? SPANS : REPLAYED.formatted(lastEvent.formatted(OF_KINDS));
        String sql = "SELECT st.id, st.code, st.name, st.kind, st.status, st.township, st.deadline, "
                + "ST_X(ST_PointOnSurface(st.geom)) AS lon, ST_Y(ST_PointOnSurface(st.geom)) AS lat FROM ("
                + state + ") st" + where + (where.isEmpty() ? " WHERE (" : " AND (") + String.join(" OR ", parts)
                + ") ORDER BY st.id" + (capped ? " LIMIT " + MAX_SITES : "");
        return wholeHistory(() -> jdbc.sql(sql).params(params).query((rs, n) -> new SiteRow(rs.getLong("id"),
                rs.getString("code"), rs.getString("name"), rs.getString("kind"), rs.getString("status"),
                rs.getString("township"), rs.getObject("deadline", LocalDate.class), rs.getDouble("lon"),
                rs.getDouble("lat"))).list());
    }

    /** Every site of the selection's kinds (deleted ones too) and their history, for many moments at once. */
    ServingHistory servingHistory(List<Clause> selection) {
        List<String> kinds = selection.stream().flatMap(c -> c.kind().stream()).distinct().toList();
        var sites = jdbc.sql("SELECT s.id, s.kind, s.deadline, s.deleted_at, ST_X(ST_PointOnSurface(s.geom)) AS lon, "
                + "ST_Y(ST_PointOnSurface(s.geom)) AS lat FROM site s WHERE s.kind IN (:kinds)").param("kinds", kinds)
                .query((rs, n) -> new ServingHistory.Site(rs.getLong("id"), rs.getString("kind"),
                        rs.getObject("deadline", LocalDate.class), rs.getObject("deleted_at", OffsetDateTime.class),
                        rs.getDouble("lon"), rs.getDouble("lat"))).list();
        var events = jdbc.sql("SELECT e.site_id, e.at, e.to_status FROM status_event e JOIN site s ON s.id = e.site_id"
                + " WHERE s.kind IN (:kinds) AND e.event_type IN ('CREATED', 'TRANSITION') ORDER BY e.at, e.id")
                .param("kinds", kinds).query((rs, n) -> new ServingHistory.Event(rs.getLong("site_id"),
                        rs.getObject("at", OffsetDateTime.class), rs.getString("to_status"))).list();
        return new ServingHistory(sites, events);
    }

    /**
     * The same from the ledger table's spans (once it has caught up): only the spans in the selection's statuses,
     * each as an event that starts it at the beginning of its first day and one that ends it (a status no clause
     * selects) at the beginning of the day it no longer holds.
     */
    ServingHistory servingSpans(List<Clause> selection) {
        List<String> kinds = selection.stream().flatMap(c -> c.kind().stream()).distinct().toList();
        List<String> statuses = selection.stream().flatMap(c -> c.status().stream()).distinct().toList();
        Map<Long, ServingHistory.Site> sites = new HashMap<>();
        List<ServingHistory.Event> events = new ArrayList<>();
        jdbc.sql("SELECT sp.site_id, sp.status, sp.from_day, sp.to_day, s.kind, s.deadline, s.deleted_at,"
                + " ST_X(ST_PointOnSurface(s.geom)) AS lon, ST_Y(ST_PointOnSurface(s.geom)) AS lat"
                + " FROM indicator_span sp JOIN site s ON s.id = sp.site_id"
                + " WHERE sp.kind IN (:kinds) AND sp.status IN (:statuses)").param("kinds", kinds)
                .param("statuses", statuses).query(rs -> {
                    long id = rs.getLong("site_id");
                    sites.computeIfAbsent(id, k -> {
                        try {
                            return new ServingHistory.Site(id, rs.getString("kind"),
                                    rs.getObject("deadline", LocalDate.class),
                                    rs.getObject("deleted_at", OffsetDateTime.class), rs.getDouble("lon"),
                                    rs.getDouble("lat"));
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    events.add(new ServingHistory.Event(id, dayStart(rs.getLong("from_day")),
                            rs.getString("status")));
                    long to = rs.getLong("to_day");
                    if (!rs.wasNull()) {
                        events.add(new ServingHistory.Event(id, dayStart(to), ""));
                    }
                });
        // in time order; on one day a span's end before the next span's start
        events.sort(java.util.Comparator.comparing(ServingHistory.Event::at)
                .thenComparing(e -> !e.toStatus().isEmpty()));
        return new ServingHistory(new ArrayList<>(sites.values()), events);
    }

    private static OffsetDateTime dayStart(long epochDay) {
        return LocalDate.ofEpochDay(epochDay).atStartOfDay(Indicators.DISTRICT_TIME).toOffsetDateTime();
    }

    /** The earliest history event, where the monthly series starts; null on an empty register. */
    OffsetDateTime firstEvent() {
        return jdbc.sql("SELECT MIN(at) FROM status_event").query(OffsetDateTime.class).optional().orElse(null);
    }

    /**
     * Changes whenever a site or its history changes (every transition, attribute change, creation and deletion
     * appends an event; a geometry edit moves updated_at): the key of every cached value. Two index look-ups.
     */
    String dataVersion() {
        return jdbc.sql("SELECT (SELECT MAX(id) FROM status_event) AS e, (SELECT MAX(updated_at) FROM site) AS u")
                .query((rs, n) -> version(rs.getLong("e"), rs.getString("u"))).single();
    }

    /** The data version of the newest event id and the newest {@code updated_at} (as the driver prints it). */
    static String version(long newestEvent, String newestUpdate) {
        return newestEvent + "/" + newestUpdate;
    }

    private String state(Moment m) {
        return m.end() == null ? NOW : REPLAYED.formatted(lastEvent.formatted(""));
    }

    private static Map<String, Object> params(Moment m) {
        Map<String, Object> params = new HashMap<>();
        params.put("day", m.day());
        if (m.end() != null) {
            params.put("end", m.end());
        }
        if (m.township() != null) {
            params.put("township", m.township());
        }
        return params;
    }

    private static String township(Moment m) {
        return m.township() == null ? "" : " WHERE st.township = :township";
    }
}
