-- This service's copy of each workspace's CRM link settings (docs/design.md, "CRM links"), kept from
-- identity.workspace.links-updated by the identity projection; the gateway's table of the same shape is the source.
-- platform/links WorkspaceLinksTable reads and writes it.
CREATE TABLE workspace_links (
    workspace_id UUID        PRIMARY KEY,
    templates    TEXT        NOT NULL,
    lookup_url   TEXT,
    updated_at   TIMESTAMPTZ NOT NULL
);
