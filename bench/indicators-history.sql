-- Deterministic history for the indicators benchmark (bench/indicators.sh): for every site of a BulkSites
-- database, a CREATED event in its kind's first status, a TRANSITION to its current status some months later
-- (when that differs) and an ATTRIBUTE event the replay must skip; times spread over 2023-01 … 2026-10.
-- About 2.8 million events for 1,000,000 sites. Deadlines on a third of the open sites.
SELECT setseed(0.20261207);
ALTER TABLE status_event DISABLE TRIGGER USER;
CREATE TEMP TABLE t AS
SELECT s.id, s.kind, s.status,
       CASE s.kind WHEN 'waste_heap' THEN 'suspected' WHEN 'tailings_pond' THEN 'in_use'
                   WHEN 'green_mine' THEN 'creating' ELSE 'planned' END AS first_status,
       TIMESTAMPTZ '2023-01-01 00:00+08' + (random() * 1000) * INTERVAL '1 day' AS created,
       (30 + random() * 330) * INTERVAL '1 day' AS later
FROM site s;
INSERT INTO status_event (site_id, event_type, from_status, to_status, actor, at)
SELECT id, 'CREATED', NULL, first_status, 'bench', created FROM t;
INSERT INTO status_event (site_id, event_type, from_status, to_status, actor, at)
SELECT id, 'TRANSITION', first_status, status, 'bench', created + later FROM t WHERE status <> first_status;
INSERT INTO status_event (site_id, event_type, field, old_value, new_value, actor, at)
SELECT id, 'ATTRIBUTE', 'name', 'old', 'new', 'bench', created + later / 2 FROM t;
UPDATE site s SET deadline = DATE '2024-01-01' + (s.id % 1000)::int
WHERE s.id % 3 = 0 AND s.status IN ('confirmed', 'rectifying', 'disused', 'closing', 'creating', 'applied');
ALTER TABLE status_event ENABLE TRIGGER USER;
ANALYZE site;
ANALYZE status_event;
