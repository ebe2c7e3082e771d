-- A job's result is one JSON text of up to tens of megabytes (a worklist of 35,000 rows: 18 MB). Compressed with lz4
-- instead of the default pglz it is written about four times faster (0.07 s against 0.26 s for 18 MB here) and
-- read back faster, at about the same size (5.5 MB against 4.9 MB).
ALTER TABLE process_job ALTER COLUMN result SET COMPRESSION lz4;
