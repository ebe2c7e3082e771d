-- The indicators' ledger (docs/indicators.md, "Speed"): the register's history as day-by-day changes per
-- (township, kind, status), so a tally as of any day is one SUM over this table instead of a replay of status_event.
-- Derived only: the indicators module writes these tables from status_event and site (catching up with every new
-- event, the per-site rows say what each site last contributed); nothing else writes them, and emptying all three
-- makes the next start rebuild them from the history.
CREATE TABLE indicator_ledger (
    township VARCHAR(64)      NOT NULL, -- '' for a site without township
    kind     VARCHAR(32)      NOT NULL,
    status   VARCHAR(32)      NOT NULL,
    on_day   INTEGER          NOT NULL, -- days since 1970-01-01, district time
    sites    BIGINT           NOT NULL,
    area     DOUBLE PRECISION NOT NULL,
    overdue  BIGINT           NOT NULL,
    PRIMARY KEY (township, kind, status, on_day)
);

-- What each site contributed to indicator_ledger: its attributes then and its last event taken into account.
CREATE TABLE indicator_site (
    id               BIGINT PRIMARY KEY,
    township         VARCHAR(64),
    kind             VARCHAR(32) NOT NULL,
    status           VARCHAR(32) NOT NULL,
    area_m2          DOUBLE PRECISION,
    deadline         DATE,
    deleted_at       TIMESTAMP WITH TIME ZONE,
    applied_event_id BIGINT
);

-- How far the ledger has caught up: every event up to event_id, every site edit up to site_updated.
CREATE TABLE indicator_ledger_state (
    id           INTEGER PRIMARY KEY,
    event_id     BIGINT NOT NULL,
    site_updated TIMESTAMP WITH TIME ZONE
);
INSERT INTO indicator_ledger_state (id, event_id, site_updated) VALUES (1, 0, NULL);

-- The sites one catch-up recomputes (filled and emptied inside its transaction).
CREATE TABLE indicator_pending (
    site_id BIGINT PRIMARY KEY
);
