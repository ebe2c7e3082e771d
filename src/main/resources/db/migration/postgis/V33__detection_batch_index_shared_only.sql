-- A batch with a detection partition of its own holds one batch_id in it, so an index on batch_id there is of no
-- use, yet building it was a tenth of the attach at the end of every large import (docs/imports.md, "Detection
-- partitions"). The index now exists on the shared partition only; each own partition instead declares
-- CHECK (batch_id = its batch), so a query WHERE batch_id = ? skips every other batch's partition at planning
-- (constraint exclusion) and reads its own partition whole, as it would through an index on a constant.
DROP INDEX detection_batch_idx;
CREATE INDEX detection_shared_batch_idx ON detection_shared (batch_id);
DO $$
DECLARE
    p record;
BEGIN
    FOR p IN
        SELECT c.relname AS name, substring(c.relname FROM '^detection_b([0-9]+)$')::bigint AS batch
        FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'detection'::regclass AND c.relname ~ '^detection_b[0-9]+$'
    LOOP
        EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I CHECK (batch_id = %s)', p.name, p.name || '_batch_ck',
                       p.batch);
    END LOOP;
END $$;
