-- One verification queue (docs/imports.md, "One queue"). A detection that is the same place as a detection still open
-- in the queue from an earlier batch is that one's duplicate: a row here, written in the batch's transaction, keyed
-- by (batch, feature) because the detection's id is only known once the database stored it. Dismissals likewise
-- live beside the detection table, which V31 rebuilds as a partitioned table on PostGIS.
CREATE TABLE detection_duplicate (
    batch_id      BIGINT NOT NULL REFERENCES import_batch (id),
    feature_index BIGINT NOT NULL,
    duplicate_of  BIGINT NOT NULL,
    CONSTRAINT detection_duplicate_pk PRIMARY KEY (batch_id, feature_index)
);
CREATE INDEX detection_duplicate_of_idx ON detection_duplicate (duplicate_of);

CREATE TABLE detection_dismissal (
    detection_id BIGINT PRIMARY KEY,
    dismissed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    dismissed_by VARCHAR(64) NOT NULL,
    note         VARCHAR(2000)
);

ALTER TABLE import_batch ADD COLUMN triage_duplicate BIGINT NOT NULL DEFAULT 0;
