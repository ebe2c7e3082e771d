-- H2GIS has no multi-column spatial index; the spatial index of V1 serves the OGC items queries here.
-- (Kept so both databases share one migration history.)
SELECT 1;
