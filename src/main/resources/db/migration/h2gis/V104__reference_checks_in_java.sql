-- H2 2.4.240 binds a CHECK constraint to the session that created it: once that connection closes (the pool retires
-- Flyway's connection after its maxLifetime) every insert into the table fails with "Check constraint invalid" until
-- the database is reopened, so an ADMIN's reference layer replacement would fail in the run that migrated. The
-- reference module checks these values before writing (ReferenceLayerSpec); PostGIS keeps the constraints.
ALTER TABLE river DROP CONSTRAINT river_yellow_river_basin_ck;
ALTER TABLE village DROP CONSTRAINT village_weight_ck;
ALTER TABLE sensitive_area DROP CONSTRAINT sensitive_area_category_ck;
ALTER TABLE sensitive_area DROP CONSTRAINT sensitive_area_sensitivity_ck;
