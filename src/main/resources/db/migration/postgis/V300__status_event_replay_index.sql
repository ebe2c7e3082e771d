-- The indicators' as-of replay (the last CREATED/TRANSITION event per site before a moment, DISTINCT ON) reads this
-- index in order, with the status in it: an index-only scan instead of sorting the whole history
-- (docs/benchmarks.md, "Indicators").
CREATE INDEX status_event_replay_idx ON status_event (site_id, at DESC, id DESC) INCLUDE (to_status)
    WHERE event_type IN ('CREATED', 'TRANSITION');
