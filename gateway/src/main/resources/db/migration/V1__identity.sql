-- The gateway's identity store: workspaces, their users and teams, credentials, refresh tokens, signing keys.
-- Other services never read these tables; they learn about identities from identity.events.

CREATE TABLE workspace (
    id         UUID        PRIMARY KEY,
    name       TEXT        NOT NULL,
    slug       TEXT        NOT NULL UNIQUE,
    created_at TIMESTAMPTZ NOT NULL
);

-- email is stored lower-case, so uniqueness per workspace is case-insensitive
CREATE TABLE workspace_user (
    id           UUID        PRIMARY KEY,
    workspace_id UUID        NOT NULL REFERENCES workspace (id),
    name         TEXT        NOT NULL,
    email        TEXT        NOT NULL CHECK (email = lower(email)),
    role         TEXT        NOT NULL CHECK (role IN ('ADMIN', 'USER')),
    active       BOOLEAN     NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    UNIQUE (workspace_id, email)
);

-- kept apart from workspace_user so that listing users never loads a password hash
CREATE TABLE credential (
    user_id       UUID        PRIMARY KEY REFERENCES workspace_user (id),
    password_hash TEXT        NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);

CREATE TABLE team (
    id           UUID        PRIMARY KEY,
    workspace_id UUID        NOT NULL REFERENCES workspace (id),
    name         TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX team_name_per_workspace ON team (workspace_id, lower(name));

CREATE TABLE team_member (
    team_id  UUID        NOT NULL REFERENCES team (id) ON DELETE CASCADE,
    user_id  UUID        NOT NULL REFERENCES workspace_user (id),
    added_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (team_id, user_id)
);
CREATE INDEX team_member_user ON team_member (user_id);

-- Only the SHA-256 of a refresh token is stored. A login starts a family; each refresh revokes the used token
-- and adds its successor to the family; reuse of a revoked token revokes the whole family.
CREATE TABLE refresh_token (
    id           UUID        PRIMARY KEY,
    family_id    UUID        NOT NULL,
    user_id      UUID        NOT NULL REFERENCES workspace_user (id),
    workspace_id UUID        NOT NULL REFERENCES workspace (id),
    token_hash   TEXT        NOT NULL UNIQUE,
    created_at   TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL,
    revoked_at   TIMESTAMPTZ
);
CREATE INDEX refresh_token_family ON refresh_token (family_id);
CREATE INDEX refresh_token_user ON refresh_token (user_id);
CREATE INDEX refresh_token_expiry ON refresh_token (expires_at);

-- RS256 signing keys. One is active (signs); every key without retired_at is published in the JWKS, so tokens
-- signed by a key that was active a moment ago still verify.
CREATE TABLE signing_key (
    kid         TEXT        PRIMARY KEY,
    private_key TEXT        NOT NULL,
    public_key  TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    active      BOOLEAN     NOT NULL,
    retired_at  TIMESTAMPTZ
);
CREATE UNIQUE INDEX signing_key_one_active ON signing_key (active) WHERE active;
