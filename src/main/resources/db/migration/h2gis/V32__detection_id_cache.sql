-- PostGIS caches detection ids per session from V32 on; H2GIS keeps its sequence as it is (one writer, no COPY).
SELECT 1;
