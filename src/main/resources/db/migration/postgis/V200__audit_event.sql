-- Who wrote what, when, from where (docs/security.md, "Audit"). Append-only: no application path may change or
-- delete a row; the trigger refuses UPDATE, DELETE and TRUNCATE.
CREATE TABLE audit_event (
    id          BIGSERIAL PRIMARY KEY,
    at          TIMESTAMPTZ NOT NULL,
    actor       VARCHAR(100) NOT NULL,
    roles       VARCHAR(200),
    client_ip   VARCHAR(64),
    request_id  VARCHAR(64),
    method      VARCHAR(10) NOT NULL,
    path        VARCHAR(1000) NOT NULL,
    status      INTEGER NOT NULL,
    object      VARCHAR(200),
    summary     VARCHAR(4000)
);
CREATE INDEX audit_event_at ON audit_event (at);
CREATE INDEX audit_event_actor_at ON audit_event (actor, at);

CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_event_no_update_delete
    BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_event_no_truncate
    BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
