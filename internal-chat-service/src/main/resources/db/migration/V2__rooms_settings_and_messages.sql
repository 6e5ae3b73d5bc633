-- Issue 3: room kinds and settings, member roles/mute/nickname, message replies, mentions, edits, deletes,
-- pins, reactions, links, read receipts, full-text search, attachments, teams and presence.

-- Rooms: what TEAM / GROUP / PROJECT rooms need, and the settings every write is checked against.
ALTER TABLE room
    ADD COLUMN description              TEXT,
    ADD COLUMN is_private               BOOLEAN NOT NULL DEFAULT TRUE,
    ADD COLUMN is_archived              BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN is_locked                BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN team_id                  UUID,
    ADD COLUMN project_id               TEXT,
    ADD COLUMN who_can_post             TEXT    NOT NULL DEFAULT 'ALL_MEMBERS'
        CHECK (who_can_post IN ('ALL_MEMBERS', 'ADMINS_ONLY', 'OWNER_ONLY')),
    ADD COLUMN who_can_invite           TEXT    NOT NULL DEFAULT 'ADMINS'
        CHECK (who_can_invite IN ('ALL_MEMBERS', 'ADMINS', 'OWNER_ONLY')),
    ADD COLUMN who_can_change_settings  TEXT    NOT NULL DEFAULT 'ADMINS'
        CHECK (who_can_change_settings IN ('ALL_MEMBERS', 'ADMINS', 'OWNER_ONLY')),
    ADD COLUMN allow_attachments        BOOLEAN NOT NULL DEFAULT TRUE,
    ADD COLUMN allow_reactions          BOOLEAN NOT NULL DEFAULT TRUE,
    ADD COLUMN allow_replies            BOOLEAN NOT NULL DEFAULT TRUE,
    ADD COLUMN max_message_length       INTEGER NOT NULL DEFAULT 10000 CHECK (max_message_length BETWEEN 1 AND 10000),
    ADD COLUMN max_file_size            BIGINT  NOT NULL DEFAULT 10485760 CHECK (max_file_size BETWEEN 1 AND 104857600),
    ADD COLUMN retention_days           INTEGER CHECK (retention_days >= 1);
-- one room per identity team and per CRM project
CREATE UNIQUE INDEX room_team ON room (workspace_id, team_id) WHERE team_id IS NOT NULL;
CREATE UNIQUE INDEX room_project ON room (workspace_id, project_id) WHERE project_id IS NOT NULL;

-- Links to CRM entities pinned on a room (pinned resources).
CREATE TABLE room_link (
    room_id  UUID    NOT NULL REFERENCES room ON DELETE CASCADE,
    position INTEGER NOT NULL,
    kind     TEXT    NOT NULL CHECK (kind IN ('DOCUMENT', 'TASK', 'KNOWLEDGE')),
    ref_id   TEXT    NOT NULL,
    title    TEXT    NOT NULL,
    PRIMARY KEY (room_id, position)
);

ALTER TABLE room_member
    ADD COLUMN muted       BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN muted_until TIMESTAMPTZ,
    ADD COLUMN nickname    TEXT,
    ADD COLUMN read_at     TIMESTAMPTZ;

-- Messages: deleted ones keep their row (and seq) with the body removed.
ALTER TABLE message
    ALTER COLUMN body DROP NOT NULL,
    ADD COLUMN edited_at         TIMESTAMPTZ,
    ADD COLUMN deleted_at        TIMESTAMPTZ,
    ADD COLUMN pinned_at         TIMESTAMPTZ,
    ADD COLUMN pinned_by         UUID,
    ADD COLUMN reply_to_id       UUID,
    -- the replied message as it was when the reply was sent: survives edits and deletes of the original
    ADD COLUMN reply_seq         BIGINT,
    ADD COLUMN reply_sender_id   UUID,
    ADD COLUMN reply_sender_name TEXT,
    ADD COLUMN reply_excerpt     TEXT,
    -- SYSTEM messages: what happened (member-joined, member-left, renamed, role-changed), to whom, new value
    ADD COLUMN system_kind       TEXT,
    ADD COLUMN system_user_id    UUID,
    ADD COLUMN system_value      TEXT,
    -- the body normalised for Persian search (PersianText.normalise); NULL once deleted
    ADD COLUMN search_text       TEXT;
CREATE INDEX message_search ON message USING GIN (to_tsvector('simple', coalesce(search_text, '')));
CREATE INDEX message_pinned ON message (room_id, pinned_at) WHERE pinned_at IS NOT NULL;
CREATE INDEX message_created ON message (created_at);

CREATE TABLE message_mention (
    message_id UUID   NOT NULL REFERENCES message ON DELETE CASCADE,
    user_id    UUID   NOT NULL,
    room_id    UUID   NOT NULL,
    seq        BIGINT NOT NULL,
    PRIMARY KEY (message_id, user_id)
);
CREATE INDEX message_mention_user ON message_mention (user_id, room_id, seq);

CREATE TABLE message_link (
    message_id UUID    NOT NULL REFERENCES message ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    kind       TEXT    NOT NULL CHECK (kind IN ('DOCUMENT', 'TASK', 'KNOWLEDGE')),
    ref_id     TEXT    NOT NULL,
    title      TEXT    NOT NULL,
    PRIMARY KEY (message_id, position)
);

CREATE TABLE reaction (
    message_id UUID        NOT NULL REFERENCES message ON DELETE CASCADE,
    user_id    UUID        NOT NULL,
    emoji      TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (message_id, user_id, emoji)
);

-- Files: metadata here, bytes in the BlobStore (by default the blob table below).
CREATE TABLE attachment (
    id           UUID PRIMARY KEY,
    workspace_id UUID        NOT NULL,
    room_id      UUID        NOT NULL REFERENCES room ON DELETE CASCADE,
    uploader_id  UUID        NOT NULL,
    message_id   UUID REFERENCES message ON DELETE SET NULL,
    name         TEXT        NOT NULL,
    size         BIGINT      NOT NULL,
    content_type TEXT        NOT NULL,
    width        INTEGER,
    height       INTEGER,
    storage_key  TEXT        NOT NULL UNIQUE,
    created_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX attachment_message ON attachment (message_id);

CREATE TABLE blob (
    storage_key TEXT PRIMARY KEY,
    data        BYTEA       NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Teams as identity.events describe them (projection).
CREATE TABLE team (
    id           UUID PRIMARY KEY,
    workspace_id UUID NOT NULL,
    name         TEXT NOT NULL
);
CREATE INDEX team_workspace ON team (workspace_id);
CREATE TABLE team_member (
    team_id UUID NOT NULL REFERENCES team ON DELETE CASCADE,
    user_id UUID NOT NULL,
    PRIMARY KEY (team_id, user_id)
);

-- Presence as realtime.signals report it.
ALTER TABLE contact
    ADD COLUMN presence     TEXT NOT NULL DEFAULT 'offline',
    ADD COLUMN last_seen_at TIMESTAMPTZ;
