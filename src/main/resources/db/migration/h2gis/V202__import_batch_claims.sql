-- Two or more replicas on one database: which replica runs a batch and when it last said it is still running it.
-- A batch whose heartbeat is older than the lease is failed by any other replica (its runner died); a replica
-- that restarts fails its own running batches at once.
ALTER TABLE import_batch ADD COLUMN claimed_by VARCHAR(128);
ALTER TABLE import_batch ADD COLUMN heartbeat_at TIMESTAMP WITH TIME ZONE;
