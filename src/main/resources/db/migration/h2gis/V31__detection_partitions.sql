-- PostGIS only: detections are partitioned by batch there (large batches are indexed in bulk). H2GIS has no
-- partitions; its batches go through detection_staging. This version keeps the two migration histories aligned.
SELECT 1;
