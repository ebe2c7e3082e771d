-- Rivers of the Yellow River basin: main_stem (黄河干流) or tributary (支流); NULL for other rivers.
ALTER TABLE river ADD COLUMN yellow_river_basin VARCHAR(16);
ALTER TABLE river ADD CONSTRAINT river_yellow_river_basin_ck
    CHECK (yellow_river_basin IS NULL OR yellow_river_basin IN ('main_stem', 'tributary'));
