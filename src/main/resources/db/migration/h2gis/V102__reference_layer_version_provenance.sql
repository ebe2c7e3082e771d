-- What an ADMIN's replacement upload of a reference layer records besides source, time, count and who: the date of
-- the source data, its licence note and the uploaded file's name.
ALTER TABLE reference_layer_version ADD COLUMN source_date DATE;
ALTER TABLE reference_layer_version ADD COLUMN licence VARCHAR(500);
ALTER TABLE reference_layer_version ADD COLUMN file_name VARCHAR(255);
