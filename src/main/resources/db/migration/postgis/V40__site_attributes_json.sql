-- Kinds are configuration (docs/kinds.md): one site table for every kind. The attributes of the five side tables
-- move into site.attributes (jsonb, absent values left out, lists as comma-joined codes as before); the side
-- tables go. A GIN index serves containment queries (attributes @> '{"risk_grade": "level_1"}').
ALTER TABLE site ADD COLUMN attributes jsonb NOT NULL DEFAULT '{}'::jsonb;

UPDATE site s SET attributes = jsonb_strip_nulls(jsonb_build_object(
        'category', k.category, 'volume_m3', k.volume_m3, 'responsible_party', k.responsible_party,
        'ownerless', k.ownerless, 'risk_grade', k.risk_grade, 'control_measure', k.control_measure,
        'discovered_by', k.discovered_by))
    FROM waste_heap k WHERE k.site_id = s.id;

UPDATE site s SET attributes = jsonb_strip_nulls(jsonb_build_object(
        'enterprise', k.enterprise, 'design_capacity_10k_m3', k.design_capacity_10k_m3,
        'current_volume_10k_m3', k.current_volume_10k_m3, 'dam_height_m', k.dam_height_m,
        'pond_grade', k.pond_grade, 'safety_class', k.safety_class, 'environmental_risk', k.environmental_risk))
    FROM tailings_pond k WHERE k.site_id = s.id;

UPDATE site s SET attributes = jsonb_strip_nulls(jsonb_build_object(
        'mine_name', k.mine_name, 'mineral', k.mineral, 'enterprise', k.enterprise, 'licence_no', k.licence_no,
        'mining_right_area_m2', k.mining_right_area_m2, 'restoration_area_m2', k.restoration_area_m2,
        'directory_level', k.directory_level))
    FROM green_mine k WHERE k.site_id = s.id;

UPDATE site s SET attributes = jsonb_strip_nulls(jsonb_build_object(
        'tier', k.tier, 'capacity_t_per_year', k.capacity_t_per_year, 'operator', k.operator,
        'served_villages', k.served_villages))
    FROM straw_collection_point k WHERE k.site_id = s.id;

UPDATE site s SET attributes = jsonb_strip_nulls(jsonb_build_object(
        'site_type', k.site_type, 'materials', k.materials, 'operator', k.operator,
        'capacity_t_per_year', k.capacity_t_per_year))
    FROM recycling_site k WHERE k.site_id = s.id;

DROP TABLE waste_heap, tailings_pond, green_mine, straw_collection_point, recycling_site;

CREATE INDEX site_attributes_idx ON site USING GIN (attributes jsonb_path_ops);
