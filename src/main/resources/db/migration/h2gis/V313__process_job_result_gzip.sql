-- A job's result is written gzipped by the service into result_gzip (see V313 on PostGIS); results written before
-- this stay readable in result.
ALTER TABLE process_job ADD COLUMN result_gzip BLOB;
