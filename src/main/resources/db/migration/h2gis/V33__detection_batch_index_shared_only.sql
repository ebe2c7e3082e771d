-- PostGIS only: a batch's own detection partition has no batch_id index there. H2GIS has no partitions; its
-- detection table keeps its index. This version keeps the two migration histories aligned.
SELECT 1;
