-- A job's result is written gzipped by the service (a worklist of 35,000 rows: 19 MB of JSON, 3.9 MB gzipped in
-- 0.11 s) into result_gzip, stored as it is (EXTERNAL: no second compression by PostgreSQL). Writing the JSON text
-- into the lz4-compressed text column took 0.5-1.0 s (the text parsed, compressed and TOASTed here). Results written
-- before this stay readable in result.
ALTER TABLE process_job ADD COLUMN result_gzip BYTEA;
ALTER TABLE process_job ALTER COLUMN result_gzip SET STORAGE EXTERNAL;
