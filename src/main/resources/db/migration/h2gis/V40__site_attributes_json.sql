-- Kinds are configuration (docs/kinds.md): one site table for every kind. The attributes of the five side tables
-- move into site.attributes (JSON, absent values left out, lists as comma-joined codes as before); the side tables
-- go. SITE_ATTR(attributes, 'name') reads one attribute as text, so that filters on attributes run in SQL.
CREATE ALIAS IF NOT EXISTS SITE_ATTR DETERMINISTIC FOR 'org.wufei.gis.sites.H2Json.attribute';

ALTER TABLE site ADD COLUMN attributes JSON DEFAULT JSON '{}' NOT NULL;

UPDATE site s SET attributes = (SELECT JSON_OBJECT(
        'category': k.category, 'volume_m3': k.volume_m3, 'responsible_party': k.responsible_party,
        'ownerless': k.ownerless, 'risk_grade': k.risk_grade, 'control_measure': k.control_measure,
        'discovered_by': k.discovered_by ABSENT ON NULL) FROM waste_heap k WHERE k.site_id = s.id)
    WHERE s.id IN (SELECT site_id FROM waste_heap);

UPDATE site s SET attributes = (SELECT JSON_OBJECT(
        'enterprise': k.enterprise, 'design_capacity_10k_m3': k.design_capacity_10k_m3,
        'current_volume_10k_m3': k.current_volume_10k_m3, 'dam_height_m': k.dam_height_m,
        'pond_grade': k.pond_grade, 'safety_class': k.safety_class, 'environmental_risk': k.environmental_risk
        ABSENT ON NULL) FROM tailings_pond k WHERE k.site_id = s.id)
    WHERE s.id IN (SELECT site_id FROM tailings_pond);

UPDATE site s SET attributes = (SELECT JSON_OBJECT(
        'mine_name': k.mine_name, 'mineral': k.mineral, 'enterprise': k.enterprise, 'licence_no': k.licence_no,
        'mining_right_area_m2': k.mining_right_area_m2, 'restoration_area_m2': k.restoration_area_m2,
        'directory_level': k.directory_level ABSENT ON NULL) FROM green_mine k WHERE k.site_id = s.id)
    WHERE s.id IN (SELECT site_id FROM green_mine);

UPDATE site s SET attributes = (SELECT JSON_OBJECT(
        'tier': k.tier, 'capacity_t_per_year': k.capacity_t_per_year, 'operator': k.operator,
        'served_villages': k.served_villages ABSENT ON NULL) FROM straw_collection_point k WHERE k.site_id = s.id)
    WHERE s.id IN (SELECT site_id FROM straw_collection_point);

UPDATE site s SET attributes = (SELECT JSON_OBJECT(
        'site_type': k.site_type, 'materials': k.materials, 'operator': k.operator,
        'capacity_t_per_year': k.capacity_t_per_year ABSENT ON NULL) FROM recycling_site k WHERE k.site_id = s.id)
    WHERE s.id IN (SELECT site_id FROM recycling_site);

DROP TABLE waste_heap;
DROP TABLE tailings_pond;
DROP TABLE green_mine;
DROP TABLE straw_collection_point;
DROP TABLE recycling_site;
