-- A workspace's CRM link settings (docs/design.md, "CRM links"): the source of truth, changed by an ADMIN through
-- PUT /api/workspace/links and published as identity.workspace.links-updated. platform/links WorkspaceLinksTable
-- reads and writes it; internal-chat and support-info keep a table of the same shape as their copy.
CREATE TABLE workspace_links (
    workspace_id UUID        PRIMARY KEY REFERENCES workspace (id),
    templates    TEXT        NOT NULL,
    lookup_url   TEXT,
    updated_at   TIMESTAMPTZ NOT NULL
);
