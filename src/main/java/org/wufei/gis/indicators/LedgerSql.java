package org.wufei.gis.indicators;

import java.util.List;

/**
 * The statements of {@link LedgerTable}: the history as moves per (township, kind, status, day) — each CREATED or
 * TRANSITION event moves its site from the status of its previous event to its own, a deletion out of its last
 * status — for every site, or for the sites of {@code indicator_pending} as they are now (events up to
 * {@code :bound}) or as they were last taken into account ({@code indicator_site}, events up to each one's
 * {@code applied_event_id}). Grouped with the deadline's day, so {@link StatusLedger} can start the overdue count on
 * the later of the move's day and the day after the deadline. Days are days since 1970-01-01 in district time.
 */
final class LedgerSql {
    /**
     * PostGIS: the previous event is the next one in the order of {@code status_event_replay_idx} (LEAD over
     * {@code at DESC, id DESC}: an index-only scan, no sort), and days are whole dates (integer keys).
     */
    private static final String MOVES_POSTGIS = """
            SELECT s.township, s.kind, h.to_status, h.prev,
                   (h.at AT TIME ZONE 'Asia/Shanghai')::date - DATE '1970-01-01' AS on_day,
                   s.deadline - DATE '1970-01-01' + 1 AS due,
                   COUNT(*) AS n, SUM(COALESCE(s.area_m2, 0)) AS area
            FROM (SELECT e.site_id, e.at, e.to_status,
                         LEAD(e.to_status) OVER (PARTITION BY e.site_id ORDER BY e.at DESC, e.id DESC) AS prev
                  FROM status_event e%s WHERE e.event_type IN ('CREATED', 'TRANSITION') AND %s) h
            JOIN %s s ON s.id = h.site_id
            GROUP BY 1, 2, 3, 4, 5, 6""";
    /** H2: LAG in time order; the offset east of UTC written in (H2 runs it ten times slower with it bound). */
    private static final String MOVES_H2GIS = """
            SELECT s.township, s.kind, h.to_status, h.prev,
                   FLOOR((EXTRACT(EPOCH FROM h.at) + :offset) / 86400) AS on_day,
                   FLOOR(EXTRACT(EPOCH FROM s.deadline) / 86400) + 1 AS due,
                   COUNT(*) AS n, SUM(COALESCE(s.area_m2, 0)) AS area
            FROM (SELECT e.site_id, e.at, e.to_status,
                         LAG(e.to_status) OVER (PARTITION BY e.site_id ORDER BY e.at, e.id) AS prev
                  FROM status_event e%s WHERE e.event_type IN ('CREATED', 'TRANSITION') AND %s) h
            JOIN %s s ON s.id = h.site_id
            GROUP BY s.township, s.kind, h.to_status, h.prev, FLOOR((EXTRACT(EPOCH FROM h.at) + :offset) / 86400),
                     FLOOR(EXTRACT(EPOCH FROM s.deadline) / 86400) + 1""";
    /** Deleted sites (that have a history) leave their last status on the day of deletion. */
    private static final String DELETIONS = """
            SELECT s.township, s.kind, CAST(NULL AS VARCHAR(32)) AS to_status, s.status AS prev,
                   FLOOR((EXTRACT(EPOCH FROM s.deleted_at) + :offset) / 86400) AS on_day,
                   FLOOR(EXTRACT(EPOCH FROM s.deadline) / 86400) + 1 AS due,
                   COUNT(*) AS n, SUM(COALESCE(s.area_m2, 0)) AS area
            FROM %s s WHERE s.deleted_at IS NOT NULL%s
              AND EXISTS (SELECT 1 FROM status_event e WHERE e.site_id = s.id
                          AND e.event_type IN ('CREATED', 'TRANSITION') AND e.id <= %s)
            GROUP BY s.township, s.kind, s.status, FLOOR((EXTRACT(EPOCH FROM s.deleted_at) + :offset) / 86400),
                     FLOOR(EXTRACT(EPOCH FROM s.deadline) / 86400) + 1""";
    private static final String PENDING_ONLY = " AND e.site_id IN (SELECT site_id FROM indicator_pending)";

    /**
     * The sites to recompute: those with an event since the last catch-up that they have not taken into account
     * (looking some ids back for events committed out of id order), and those edited since without an event (a
     * change through the register always appends one). Each looked-back event's site is looked up by key (a
     * correlated lookup: joined, the planner hashed the whole million-row table, 0.2 s a catch-up).
     */
    static final String PENDING = """
            INSERT INTO indicator_pending (site_id)
            SELECT e.site_id FROM status_event e WHERE e.id > :from AND e.id <= :bound
              AND e.id > COALESCE((SELECT i.applied_event_id FROM indicator_site i WHERE i.id = e.site_id), 0)
            UNION
            SELECT s.id FROM site s WHERE s.updated_at > :since""";
    private static final String SITE_COLUMNS = "id, township, kind, status, area_m2, deadline, deleted_at, "
            + "applied_event_id";
    /** The first build: what every site contributes now. */
    static final String SITES_FULL = "INSERT INTO indicator_site (" + SITE_COLUMNS + ") "
            + "SELECT s.id, s.township, s.kind, s.status, s.area_m2, s.deadline, s.deleted_at, x.m FROM site s"
            + " LEFT JOIN (SELECT site_id, MAX(id) AS m FROM status_event WHERE id <= :bound GROUP BY site_id) x"
            + " ON x.site_id = s.id";
    static final String SITES_DELETE = "DELETE FROM indicator_site WHERE id IN (SELECT site_id FROM indicator_pending)";
    static final String SITES_PENDING = "INSERT INTO indicator_site (" + SITE_COLUMNS + ") "
            + "SELECT s.id, s.township, s.kind, s.status, s.area_m2, s.deadline, s.deleted_at,"
            + " (SELECT MAX(e.id) FROM status_event e WHERE e.site_id = s.id AND e.id <= :bound)"
            + " FROM site s WHERE s.id IN (SELECT site_id FROM indicator_pending)";

    /**
     * Each event's status as a span from its day to the day of the site's next event (PostGIS: LAG over the index
     * order, which is the next event in time); spans that end on the day they start never hold at a day's end.
     */
    private static final String SPANS_POSTGIS = """
            INSERT INTO indicator_span (site_id, kind, status, from_day, to_day)
            SELECT h.site_id, s.kind, h.to_status, h.on_day, h.next_day
            FROM (SELECT e.site_id, e.to_status, (e.at AT TIME ZONE 'Asia/Shanghai')::date - DATE '1970-01-01' AS on_day,
                         LAG((e.at AT TIME ZONE 'Asia/Shanghai')::date - DATE '1970-01-01')
                             OVER (PARTITION BY e.site_id ORDER BY e.at DESC, e.id DESC) AS next_day
                  FROM status_event e WHERE e.event_type IN ('CREATED', 'TRANSITION') AND e.id <= :bound%s) h
            JOIN site s ON s.id = h.site_id
            WHERE h.next_day IS NULL OR h.next_day > h.on_day""";
    private static final String SPANS_H2GIS = """
            INSERT INTO indicator_span (site_id, kind, status, from_day, to_day)
            SELECT h.site_id, s.kind, h.to_status, h.on_day, h.next_day
            FROM (SELECT e.site_id, e.to_status, FLOOR((EXTRACT(EPOCH FROM e.at) + :offset) / 86400) AS on_day,
                         LEAD(FLOOR((EXTRACT(EPOCH FROM e.at) + :offset) / 86400))
                             OVER (PARTITION BY e.site_id ORDER BY e.at, e.id) AS next_day
                  FROM status_event e WHERE e.event_type IN ('CREATED', 'TRANSITION') AND e.id <= :bound%s) h
            JOIN site s ON s.id = h.site_id
            WHERE h.next_day IS NULL OR h.next_day > h.on_day""";

    private final String moves;
    private final String spans;
    private final String offset;

    LedgerSql(boolean postgis) {
        this.moves = postgis ? MOVES_POSTGIS : MOVES_H2GIS;
        this.spans = postgis ? SPANS_POSTGIS : SPANS_H2GIS;
        this.offset = Integer.toString(
                Indicators.DISTRICT_TIME.getRules().getOffset(java.time.Instant.now()).getTotalSeconds());
    }

    /**
     * The moves and deletions of every site ({@code all}), or of the pending ones as they are now or ({@code before})
     * as {@code indicator_site} recorded them; {@code :bound} is the newest event taken into account now.
     */
    List<String> moves(boolean all, boolean before) {
        String scope = all ? "" : PENDING_ONLY;
        String history = before
                ? moves.formatted(" JOIN indicator_site b ON b.id = e.site_id", "e.id <= b.applied_event_id" + scope,
                        "indicator_site")
                : moves.formatted("", "e.id <= :bound" + scope, "site");
        String deletions = DELETIONS.formatted(before ? "indicator_site" : "site",
                all ? "" : " AND s.id IN (SELECT site_id FROM indicator_pending)",
                before ? "s.applied_event_id" : ":bound");
        return List.of(history.replace(":offset", offset), deletions.replace(":offset", offset));
    }

    /** Inserts the spans of every site ({@code all}) or of the pending ones, events up to {@code :bound}. */
    String spans(boolean all) {
        return spans.formatted(all ? "" : PENDING_ONLY).replace(":offset", offset);
    }
}
