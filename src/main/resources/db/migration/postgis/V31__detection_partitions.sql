-- Detections partitioned by batch (docs/imports.md, "Where the rows go"). A large batch is copied into a table of
-- its own with no index and no foreign key to check per row; attaching it to `detection` at the end of the batch's
-- transaction builds its indexes in bulk (a sorted GiST build) and checks the foreign key in one query. Small
-- batches share one partition (part = 0), so the number of partitions grows with large uploads only.
-- `part` is the partition key: 0 for the shared partition, else the batch's id.
CREATE SEQUENCE detection_id_seq_p AS BIGINT;

CREATE TABLE detection_p (
    id               BIGINT       NOT NULL DEFAULT nextval('detection_id_seq_p'),
    batch_id         BIGINT       NOT NULL REFERENCES import_batch (id),
    feature_index    BIGINT       NOT NULL,
    layer            VARCHAR(255),
    source           VARCHAR(16)  NOT NULL,
    acquired         DATE,
    confidence       DOUBLE PRECISION,
    name             TEXT,
    category         TEXT,
    area_m2          DOUBLE PRECISION,
    note             TEXT,
    attributes       TEXT,
    geom             geometry(Geometry, 4326) NOT NULL,
    triage           VARCHAR(16)  NOT NULL,
    matched_site_id  BIGINT,
    red_flag         BOOLEAN      NOT NULL DEFAULT FALSE,
    repaired         BOOLEAN      NOT NULL DEFAULT FALSE,
    promoted_site_id BIGINT,
    part             BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT detection_p_triage_ck CHECK (triage IN ('new', 'known', 'changed')),
    CONSTRAINT detection_p_pk PRIMARY KEY (id, part)
) PARTITION BY LIST (part);
ALTER SEQUENCE detection_id_seq_p OWNED BY detection_p.id;
CREATE INDEX detection_p_geom_idx ON detection_p USING GIST (geom);
CREATE INDEX detection_p_batch_idx ON detection_p (batch_id);
CREATE TABLE detection_shared PARTITION OF detection_p FOR VALUES IN (0);

INSERT INTO detection_p (id, batch_id, feature_index, layer, source, acquired, confidence, name, category, area_m2,
                         note, attributes, geom, triage, matched_site_id, red_flag, repaired, promoted_site_id, part)
SELECT id, batch_id, feature_index, layer, source, acquired, confidence, name, category, area_m2, note, attributes,
       geom, triage, matched_site_id, red_flag, repaired, promoted_site_id, 0
FROM detection;
SELECT setval('detection_id_seq_p', GREATEST((SELECT MAX(id) FROM detection_p), 1),
              (SELECT MAX(id) FROM detection_p) IS NOT NULL);

DROP TABLE detection;
ALTER TABLE detection_p RENAME TO detection;
ALTER SEQUENCE detection_id_seq_p RENAME TO detection_id_seq;
ALTER TABLE detection RENAME CONSTRAINT detection_p_triage_ck TO detection_triage_ck;
ALTER TABLE detection RENAME CONSTRAINT detection_p_pk TO detection_pkey;
ALTER INDEX detection_p_geom_idx RENAME TO detection_geom_idx;
ALTER INDEX detection_p_batch_idx RENAME TO detection_batch_idx;
ALTER TABLE detection RENAME CONSTRAINT detection_p_batch_id_fkey TO detection_batch_id_fkey;
