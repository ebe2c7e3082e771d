-- Asynchronous executions of planning processes (OGC API - Processes jobs), kept in the database so that they
-- survive a restart and any replica can serve them; workers claim accepted rows with FOR UPDATE SKIP LOCKED.
CREATE TABLE process_job (
    id             VARCHAR(36)  PRIMARY KEY,
    process_id     VARCHAR(64)  NOT NULL,
    owner          VARCHAR(64)  NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    progress       INTEGER      NOT NULL DEFAULT 0,
    inputs         TEXT         NOT NULL,
    result         TEXT,
    failure_code   VARCHAR(64),
    failure_status INTEGER,
    failure_args   TEXT,
    claimed_by     VARCHAR(64),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at     TIMESTAMP WITH TIME ZONE,
    finished_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT process_job_status_ck CHECK (status IN ('accepted', 'running', 'successful', 'failed', 'dismissed')),
    CONSTRAINT process_job_progress_ck CHECK (progress BETWEEN 0 AND 100)
);
CREATE INDEX process_job_queue_idx ON process_job (status, created_at);
CREATE INDEX process_job_owner_idx ON process_job (owner, created_at);
