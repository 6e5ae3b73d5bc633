-- Workspace staff as internal chat knows them: a projection of identity.events (no reads of the gateway's tables).
CREATE TABLE contact (
    id           UUID PRIMARY KEY,
    workspace_id UUID        NOT NULL,
    name         TEXT        NOT NULL,
    email        TEXT        NOT NULL,
    role         TEXT        NOT NULL,
    active       BOOLEAN     NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX contact_workspace ON contact (workspace_id);

CREATE TABLE room (
    id               UUID PRIMARY KEY,
    workspace_id     UUID        NOT NULL,
    type             TEXT        NOT NULL CHECK (type IN ('DIRECT', 'TEAM', 'GROUP', 'PROJECT')),
    title            TEXT,
    -- DIRECT rooms only: the two user ids in order (one id for notes-to-self), so a pair has one room
    direct_key       TEXT,
    -- the last message seq handed out; the row lock on it serialises sends into one room
    last_seq         BIGINT      NOT NULL DEFAULT 0,
    created_by       UUID        NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL,
    last_activity_at TIMESTAMPTZ NOT NULL,
    UNIQUE (workspace_id, direct_key)
);

CREATE TABLE room_member (
    room_id       UUID        NOT NULL REFERENCES room ON DELETE CASCADE,
    user_id       UUID        NOT NULL,
    role          TEXT        NOT NULL CHECK (role IN ('OWNER', 'ADMIN', 'MODERATOR', 'MEMBER', 'GUEST')),
    last_read_seq BIGINT      NOT NULL DEFAULT 0,
    joined_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (room_id, user_id)
);
CREATE INDEX room_member_user ON room_member (user_id);

CREATE TABLE message (
    id                UUID PRIMARY KEY,
    room_id           UUID        NOT NULL REFERENCES room ON DELETE CASCADE,
    seq               BIGINT      NOT NULL,
    sender_id         UUID        NOT NULL,
    type              TEXT        NOT NULL CHECK (type IN ('TEXT', 'SYSTEM')),
    body              TEXT        NOT NULL,
    client_message_id UUID,
    created_at        TIMESTAMPTZ NOT NULL,
    UNIQUE (room_id, seq),
    UNIQUE (room_id, sender_id, client_message_id)
);
