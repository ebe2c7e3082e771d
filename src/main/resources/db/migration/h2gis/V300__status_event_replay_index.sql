-- The indicators' as-of replay (the last CREATED/TRANSITION event per site before a moment) in index order; H2 has
-- no partial or covering indexes, so the plain key (PostGIS: partial, with the status included).
CREATE INDEX status_event_replay_idx ON status_event (site_id, at DESC, id DESC);
