-- Register imports (docs/imports.md) run in the background like detection batches (queued → running → succeeded |
-- failed, with progress), can be retried after a restart from the kept file and request, and a rolled-back import
-- no longer holds its file: the same file may be imported again. Only an import that is not rolled back keeps its
-- hash in live_sha256, unique per kind (NULLs are distinct on both databases).
ALTER TABLE register_import DROP CONSTRAINT register_import_sha_kind_uk;
ALTER TABLE register_import DROP CONSTRAINT register_import_state_ck;
ALTER TABLE register_import ADD CONSTRAINT register_import_state_ck
    CHECK (state IN ('queued', 'running', 'succeeded', 'failed', 'rolled_back'));
ALTER TABLE register_import ADD COLUMN live_sha256 VARCHAR(64);
UPDATE register_import SET live_sha256 = content_sha256 WHERE state <> 'rolled_back';
ALTER TABLE register_import ADD CONSTRAINT register_import_live_sha_kind_uk UNIQUE (live_sha256, kind);
CREATE INDEX register_import_sha_idx ON register_import (content_sha256);
ALTER TABLE register_import ADD COLUMN progress DOUBLE PRECISION DEFAULT 1 NOT NULL;
-- the request, kept so that a queued import runs (or a failed one is retried) as it was asked
ALTER TABLE register_import ADD COLUMN statuses CHARACTER LARGE OBJECT;
ALTER TABLE register_import ADD COLUMN update_existing BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE register_import ADD COLUMN crs VARCHAR(64);
ALTER TABLE register_import ADD COLUMN encoding VARCHAR(32);
-- a failed import's reasons ({row, column, field, code, zh, en} as JSON) and how many there were
ALTER TABLE register_import ADD COLUMN errors CHARACTER LARGE OBJECT;
ALTER TABLE register_import ADD COLUMN error_count BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE register_import ADD COLUMN claimed_by VARCHAR(128);
ALTER TABLE register_import ADD COLUMN heartbeat_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE register_import ADD COLUMN started_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE register_import ADD COLUMN finished_at TIMESTAMP WITH TIME ZONE;
