-- Tokens ADMIN issues to other departments (docs/security.md, "Tokens"): only the SHA-256 of the secret is kept.
CREATE TABLE api_token (
    id          BIGSERIAL PRIMARY KEY,
    name        VARCHAR(100) NOT NULL,
    token_hash  CHAR(64) NOT NULL UNIQUE,
    collections VARCHAR(2000) NOT NULL,
    upload      BOOLEAN NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    created_by  VARCHAR(100) NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    revoked_at  TIMESTAMPTZ,
    revoked_by  VARCHAR(100)
);
