-- Notifications (docs/subsystems/notifications.md): per-user e-mail settings, the workspace's delay, what the
-- notifier keeps of internal-chat rooms and support tickets (fed by their events), and the mails waiting to go.

-- one row per user who changed a setting; no row = every kind on
CREATE TABLE notify_user_settings (
    user_id      UUID        PRIMARY KEY REFERENCES workspace_user (id),
    mention      BOOLEAN     NOT NULL,
    direct       BOOLEAN     NOT NULL,
    ticket_reply BOOLEAN     NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL
);

-- a workspace's own wait before an unread mention or direct message is mailed; no row = the configured default
CREATE TABLE notify_workspace_settings (
    workspace_id        UUID        PRIMARY KEY REFERENCES workspace (id),
    email_delay_minutes INTEGER     NOT NULL CHECK (email_delay_minutes BETWEEN 1 AND 1440),
    updated_at          TIMESTAMPTZ NOT NULL
);

-- internal-chat rooms as their events last showed them: the type (DIRECT or not), the title, and who muted
-- notifications about the room (its members' notificationsMuted)
CREATE TABLE notify_room (
    id           UUID PRIMARY KEY,
    workspace_id UUID NOT NULL,
    type         TEXT NOT NULL,
    title        TEXT
);

CREATE TABLE notify_room_member (
    room_id     UUID        NOT NULL REFERENCES notify_room (id) ON DELETE CASCADE,
    user_id     UUID        NOT NULL,
    muted       BOOLEAN     NOT NULL,
    PRIMARY KEY (room_id, user_id)
);

-- support tickets as their events last showed them (for the mail's subject line)
CREATE TABLE notify_ticket (
    id           UUID PRIMARY KEY,
    workspace_id UUID NOT NULL,
    number       TEXT,
    subject      TEXT
);

-- one mail waiting per person and room or ticket: later messages join it (a digest) until it is due
CREATE TABLE notify_pending (
    user_id      UUID        NOT NULL REFERENCES workspace_user (id),
    context_id   UUID        NOT NULL,
    workspace_id UUID        NOT NULL,
    kind         TEXT        NOT NULL CHECK (kind IN ('MENTION', 'DIRECT', 'TICKET_REPLY')),
    first_seq    BIGINT      NOT NULL,
    last_seq     BIGINT      NOT NULL,
    messages     INTEGER     NOT NULL,
    sender_name  TEXT,
    snippet      TEXT        NOT NULL,
    due_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (user_id, context_id)
);
CREATE INDEX notify_pending_due ON notify_pending (due_at);

-- when each person was last mailed about a room or ticket: the next mail about it waits a digest interval
CREATE TABLE notify_sent (
    user_id    UUID        NOT NULL,
    context_id UUID        NOT NULL,
    sent_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (user_id, context_id)
);
