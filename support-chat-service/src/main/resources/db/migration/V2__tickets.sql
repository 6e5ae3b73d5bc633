-- support chat: tickets, conversation, guests, configuration, projections (DESIGN.md §2)

CREATE TABLE ticket_counter (
    workspace_id UUID PRIMARY KEY,
    last_number  INT NOT NULL
);

CREATE TABLE label (
    id           UUID PRIMARY KEY,
    workspace_id UUID        NOT NULL,
    name         TEXT        NOT NULL,
    color        TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX label_name ON label (workspace_id, lower(name));

CREATE TABLE guest (
    id              UUID PRIMARY KEY,
    workspace_id    UUID        NOT NULL,
    name            TEXT,
    email           TEXT,
    phone           TEXT,
    external_id     TEXT,
    verified        BOOLEAN     NOT NULL DEFAULT false,
    user_agent      TEXT,
    device          TEXT,
    browser         TEXT,
    referrer        TEXT,
    utm_source      TEXT,
    utm_medium      TEXT,
    utm_campaign    TEXT,
    utm_term        TEXT,
    utm_content     TEXT,
    first_visit_at  TIMESTAMPTZ NOT NULL,
    last_visit_at   TIMESTAMPTZ NOT NULL,
    visit_count     INT         NOT NULL DEFAULT 1
);
CREATE INDEX guest_workspace ON guest (workspace_id);

CREATE TABLE ticket (
    id                     UUID PRIMARY KEY,
    workspace_id           UUID        NOT NULL,
    number                 INT         NOT NULL,
    subject                TEXT        NOT NULL,
    description            TEXT,
    status                 TEXT        NOT NULL,
    priority               TEXT        NOT NULL,
    category_id            UUID REFERENCES category ON DELETE SET NULL,
    requester_kind         TEXT        NOT NULL,
    requester_id           UUID        NOT NULL,
    created_by_id          UUID        NOT NULL,
    created_by_staff       BOOLEAN     NOT NULL,
    assignee_id            UUID,
    team_id                UUID,
    due_at                 TIMESTAMPTZ,
    reopen_count           INT         NOT NULL DEFAULT 0,
    last_message_seq       BIGINT      NOT NULL DEFAULT 0,
    customer_read_seq      BIGINT      NOT NULL DEFAULT 0,
    first_response_at      TIMESTAMPTZ,
    resolved_at            TIMESTAMPTZ,
    closed_at              TIMESTAMPTZ,
    sla_policy_id          UUID,
    first_response_due_at  TIMESTAMPTZ,
    next_response_due_at   TIMESTAMPTZ,
    resolution_due_at      TIMESTAMPTZ,
    sla_state              TEXT,
    sla_paused_at          TIMESTAMPTZ,
    sla_paused_seconds     BIGINT      NOT NULL DEFAULT 0,
    sla_at_risk_notified   BOOLEAN     NOT NULL DEFAULT false,
    sla_breached_notified  BOOLEAN     NOT NULL DEFAULT false,
    awaiting_assignment    BOOLEAN     NOT NULL DEFAULT false,
    rating_score           INT,
    rating_comment         TEXT,
    rated_at               TIMESTAMPTZ,
    created_at             TIMESTAMPTZ NOT NULL,
    updated_at             TIMESTAMPTZ NOT NULL,
    UNIQUE (workspace_id, number)
);
CREATE INDEX ticket_list ON ticket (workspace_id, created_at DESC);
CREATE INDEX ticket_requester ON ticket (workspace_id, requester_id);
CREATE INDEX ticket_assignee ON ticket (assignee_id) WHERE assignee_id IS NOT NULL;
CREATE INDEX ticket_queue ON ticket (workspace_id, created_at) WHERE awaiting_assignment;
CREATE INDEX ticket_sla ON ticket (sla_state) WHERE sla_state IN ('on-track', 'at-risk');

CREATE TABLE ticket_label (
    ticket_id UUID NOT NULL REFERENCES ticket ON DELETE CASCADE,
    label_id  UUID NOT NULL REFERENCES label ON DELETE CASCADE,
    PRIMARY KEY (ticket_id, label_id)
);

CREATE TABLE ticket_message (
    id                UUID PRIMARY KEY,
    workspace_id      UUID        NOT NULL,
    ticket_id         UUID        NOT NULL REFERENCES ticket ON DELETE CASCADE,
    seq               BIGINT      NOT NULL,
    sender_kind       TEXT        NOT NULL,
    sender_id         UUID        NOT NULL,
    body              TEXT        NOT NULL,
    internal          BOOLEAN     NOT NULL,
    reply_to_id       UUID,
    client_message_id UUID        NOT NULL,
    edited_at         TIMESTAMPTZ,
    deleted_at        TIMESTAMPTZ,
    created_at        TIMESTAMPTZ NOT NULL,
    UNIQUE (ticket_id, seq),
    UNIQUE (ticket_id, sender_id, client_message_id)
);

CREATE TABLE ticket_attachment (
    id           UUID PRIMARY KEY,
    workspace_id UUID        NOT NULL,
    ticket_id    UUID        NOT NULL REFERENCES ticket ON DELETE CASCADE,
    message_id   UUID REFERENCES ticket_message ON DELETE SET NULL,
    uploader_id  UUID        NOT NULL,
    name         TEXT        NOT NULL,
    size         BIGINT      NOT NULL,
    content_type TEXT        NOT NULL,
    data         BYTEA       NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX ticket_attachment_message ON ticket_attachment (message_id);

CREATE TABLE ticket_history (
    id           UUID PRIMARY KEY,
    workspace_id UUID        NOT NULL,
    ticket_id    UUID        NOT NULL REFERENCES ticket ON DELETE CASCADE,
    action       TEXT        NOT NULL,
    field        TEXT,
    old_value    TEXT,
    new_value    TEXT,
    actor_kind   TEXT        NOT NULL,
    actor_id     UUID,
    at           TIMESTAMPTZ NOT NULL
);
CREATE INDEX ticket_history_ticket ON ticket_history (ticket_id, at);

CREATE TABLE canned_response (
    id           UUID PRIMARY KEY,
    workspace_id UUID        NOT NULL,
    short_code   TEXT        NOT NULL,
    title        TEXT        NOT NULL,
    body         TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX canned_response_code ON canned_response (workspace_id, lower(short_code));

CREATE TABLE sla_policy (
    id                     UUID PRIMARY KEY,
    workspace_id           UUID NOT NULL,
    name                   TEXT NOT NULL,
    priority               TEXT NOT NULL,
    first_response_minutes INT  NOT NULL,
    next_response_minutes  INT,
    resolution_minutes     INT  NOT NULL,
    UNIQUE (workspace_id, priority)
);

CREATE TABLE business_hours (
    workspace_id UUID PRIMARY KEY,
    time_zone    TEXT NOT NULL,
    schedule     TEXT NOT NULL,
    holidays     TEXT NOT NULL
);

CREATE TABLE workspace_settings (
    workspace_id          UUID PRIMARY KEY,
    widget_secret         TEXT    NOT NULL,
    enforce_verification  BOOLEAN NOT NULL DEFAULT false,
    auto_assign           BOOLEAN NOT NULL DEFAULT false,
    agent_capacity        INT     NOT NULL DEFAULT 10
);

-- projections of identity.events and realtime.signals: support chat never reads the gateway's tables
CREATE TABLE workspace_user (
    id           UUID PRIMARY KEY,
    workspace_id UUID    NOT NULL,
    name         TEXT,
    email        TEXT,
    role         TEXT,
    active       BOOLEAN NOT NULL
);
CREATE INDEX workspace_user_workspace ON workspace_user (workspace_id);

CREATE TABLE team (
    id           UUID PRIMARY KEY,
    workspace_id UUID NOT NULL,
    name         TEXT NOT NULL
);

CREATE TABLE team_member (
    team_id UUID NOT NULL REFERENCES team ON DELETE CASCADE,
    user_id UUID NOT NULL,
    PRIMARY KEY (team_id, user_id)
);

CREATE TABLE agent_availability (
    user_id          UUID PRIMARY KEY,
    workspace_id     UUID        NOT NULL,
    status           TEXT        NOT NULL,
    changed_at       TIMESTAMPTZ NOT NULL,
    last_assigned_at TIMESTAMPTZ
);
