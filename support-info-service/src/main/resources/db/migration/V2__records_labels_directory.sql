-- Support info records, labels, links; the local directory of users and teams (from identity.events);
-- per-workspace settings. Enum-like columns are TEXT with CHECKs so a reader of the database sees the values.

-- category names are unique among siblings, top level included (NULL parents are not distinct here)
ALTER TABLE category DROP CONSTRAINT category_workspace_id_parent_id_name_key;
CREATE UNIQUE INDEX category_sibling_name
    ON category (workspace_id, COALESCE(parent_id, '00000000-0000-0000-0000-000000000000'::uuid), lower(name));

CREATE TABLE label (
    id           UUID PRIMARY KEY,
    workspace_id UUID        NOT NULL,
    name         TEXT        NOT NULL,
    color        TEXT        NOT NULL CHECK (color ~ '^#[0-9A-Fa-f]{6}$'),
    created_at   TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX label_workspace_name ON label (workspace_id, lower(name));

CREATE TABLE support_info (
    id                  UUID PRIMARY KEY,
    workspace_id        UUID        NOT NULL,
    title               TEXT        NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
    description         TEXT,
    -- lower-cased, Arabic letters folded to Persian, ZWNJ as space: what q= searches
    search_text         TEXT        NOT NULL,
    source              TEXT        NOT NULL CHECK (source IN ('INBOUND_CALL', 'OUTBOUND_CALL', 'USER_TICKET',
                                                   'ADMIN_TICKET', 'ONSITE_BY_USER', 'ONSITE_BY_US')),
    type                TEXT        NOT NULL CHECK (type IN ('SALES_ORDER', 'QUOTE', 'ORDER_FOLLOWUP',
                                                 'PURCHASE_ORDER', 'PURCHASE_QUOTE', 'COMPLAINT', 'ISSUE', 'QUESTION')),
    priority            TEXT        NOT NULL CHECK (priority IN ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
    -- 0 = LOW .. 3 = CRITICAL, so sort=priority orders by severity, not by spelling
    priority_rank       SMALLINT    NOT NULL,
    status              TEXT        NOT NULL CHECK (status IN ('NEW', 'OPEN', 'IN_PROGRESS', 'RESOLVED', 'CLOSED')),
    contact_at          TIMESTAMPTZ NOT NULL,
    due_at              TIMESTAMPTZ,
    customer_id         UUID,
    assignee_id         UUID,
    team_id             UUID,
    category_id         UUID REFERENCES category ON DELETE RESTRICT,
    visible_to_customer BOOLEAN     NOT NULL DEFAULT false,
    -- the support-chat ticket this record was made from; one record per ticket
    ticket_id           UUID,
    created_by          UUID,
    created_at          TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL,
    resolved_at         TIMESTAMPTZ,
    closed_at           TIMESTAMPTZ,
    CHECK (due_at IS NULL OR due_at >= contact_at),
    UNIQUE (workspace_id, ticket_id)
);
CREATE INDEX support_info_workspace_contact ON support_info (workspace_id, contact_at DESC);
CREATE INDEX support_info_customer ON support_info (workspace_id, customer_id);
CREATE INDEX support_info_assignee ON support_info (workspace_id, assignee_id);
CREATE INDEX support_info_category ON support_info (category_id);

CREATE TABLE support_info_label (
    record_id UUID NOT NULL REFERENCES support_info ON DELETE CASCADE,
    label_id  UUID NOT NULL REFERENCES label ON DELETE CASCADE,
    PRIMARY KEY (record_id, label_id)
);
CREATE INDEX support_info_label_label ON support_info_label (label_id);

CREATE TABLE support_info_link (
    record_id UUID NOT NULL REFERENCES support_info ON DELETE CASCADE,
    position  INT  NOT NULL,
    kind      TEXT NOT NULL CHECK (kind IN ('DOCUMENT', 'TASK', 'KNOWLEDGE')),
    ref_id    TEXT NOT NULL,
    title     TEXT NOT NULL,
    PRIMARY KEY (record_id, position)
);

-- Workspace users and teams as identity.events describe them (no reads of the gateway's tables).
CREATE TABLE directory_user (
    id           UUID PRIMARY KEY,
    workspace_id UUID        NOT NULL,
    name         TEXT        NOT NULL,
    email        TEXT,
    role         TEXT        NOT NULL,
    active       BOOLEAN     NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX directory_user_workspace ON directory_user (workspace_id);

CREATE TABLE directory_team (
    id           UUID PRIMARY KEY,
    workspace_id UUID        NOT NULL,
    name         TEXT        NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX directory_team_workspace ON directory_team (workspace_id);

-- One row per workspace that changed a setting; absent = the defaults.
CREATE TABLE workspace_settings (
    workspace_id             UUID PRIMARY KEY,
    record_resolved_tickets  BOOLEAN     NOT NULL,
    updated_at               TIMESTAMPTZ NOT NULL
);
