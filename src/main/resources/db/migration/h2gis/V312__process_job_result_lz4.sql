-- PostGIS compresses a job's result with lz4 (V312 there); H2 has no such choice. Kept so both databases carry the
-- same migration versions.
SELECT 1;
