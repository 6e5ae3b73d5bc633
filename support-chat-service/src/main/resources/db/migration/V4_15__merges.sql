-- Merges (docs/design.md, "Merges"): a merged ticket points at the ticket it was merged into (its messages stay
-- where they were written, linked, not moved); a merged guest points at the customer it turned out to be.
ALTER TABLE ticket
    ADD COLUMN merged_into_id UUID REFERENCES ticket ON DELETE SET NULL,
    ADD COLUMN merged_at      TIMESTAMPTZ;
CREATE INDEX ticket_merged_into ON ticket (merged_into_id) WHERE merged_into_id IS NOT NULL;

ALTER TABLE guest
    ADD COLUMN merged_into_user_id UUID,
    ADD COLUMN merged_at           TIMESTAMPTZ;
CREATE INDEX guest_external_id ON guest (workspace_id, external_id) WHERE verified;
