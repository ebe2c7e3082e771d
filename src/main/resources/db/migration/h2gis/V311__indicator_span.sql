-- Each site's statuses as spans of days (from the day of an event to the day of the site's next one), kept by the
-- indicators' ledger catch-up with indicator_ledger (V310), so the sites serving a coverage on a past day are one
-- index range scan instead of a replay of the history. Derived only, like indicator_ledger.
CREATE TABLE indicator_span (
    site_id  BIGINT      NOT NULL,
    kind     VARCHAR(32) NOT NULL,
    status   VARCHAR(32) NOT NULL,
    from_day INTEGER     NOT NULL, -- days since 1970-01-01, district time: the status holds at the end of this day
    to_day   INTEGER               -- the day of the next event (no longer at its end); null while current
);
CREATE INDEX indicator_span_status_idx ON indicator_span (kind, status, from_day);
CREATE INDEX indicator_span_site_idx ON indicator_span (site_id);
-- rebuilt from the history with its spans at the next start
DELETE FROM indicator_ledger;
DELETE FROM indicator_site;
UPDATE indicator_ledger_state SET event_id = 0, site_updated = NULL;
