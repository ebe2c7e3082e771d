-- Asynchronous executions of planning processes (OGC API - Processes jobs), kept in the database so that they
-- survive a restart; the one embedded instance claims accepted rows with a conditional UPDATE.
-- No CHECK constraints here (PostGIS has them): H2 2.4.240 binds a CHECK to the session that created it, and once
-- that connection closes (the pool retires Flyway's connection) every insert fails with "Check constraint invalid"
-- until the database is reopened. JobStore writes the only status values.
CREATE TABLE process_job (
    id             VARCHAR(36)  PRIMARY KEY,
    process_id     VARCHAR(64)  NOT NULL,
    owner          VARCHAR(64)  NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    progress       INTEGER      NOT NULL DEFAULT 0,
    inputs         CLOB         NOT NULL,
    result         CLOB,
    failure_code   VARCHAR(64),
    failure_status INTEGER,
    failure_args   CLOB,
    claimed_by     VARCHAR(64),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at     TIMESTAMP WITH TIME ZONE,
    finished_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX process_job_queue_idx ON process_job (status, created_at);
CREATE INDEX process_job_owner_idx ON process_job (owner, created_at);
