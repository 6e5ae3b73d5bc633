-- support chat categories: a tree per workspace. The rest of the schema arrives with the service's features.
CREATE TABLE category (
    id           UUID PRIMARY KEY,
    workspace_id UUID        NOT NULL,
    parent_id    UUID REFERENCES category ON DELETE RESTRICT,
    name         TEXT        NOT NULL,
    position     INT         NOT NULL DEFAULT 0,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (workspace_id, parent_id, name)
);
CREATE INDEX category_workspace ON category (workspace_id);
