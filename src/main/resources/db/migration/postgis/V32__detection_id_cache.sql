-- Each session takes detection ids 1,000 at a time instead of one by one (docs/imports.md, "Detection partitions"):
-- a 100,000-row COPY called nextval 100,000 times, each locking the sequence and WAL-logging every 32nd value, which
-- was 14 % of the COPY's database time. Ids stay unique and rise within a session, so a batch's rows (one COPY on one
-- connection) still number in file order; ids of concurrent batches interleave as before, and a session that ends
-- leaves a gap.
ALTER SEQUENCE detection_id_seq CACHE 1000;
