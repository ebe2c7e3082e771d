-- H2GIS only: PostgreSQL recovers a killed transaction on a GiST-indexed table by itself, so detections are
-- written straight to the detection table here. This version keeps the two migration histories aligned.
SELECT 1;
