-- Issue 15: ticket discussion rooms. A TICKET room is internal chat's conversation about one support ticket; the
-- ticket itself lives in support-chat-service, and what internal chat shows of it (number, subject, status,
-- requester, assignee) is a projection of support-chat.events (listener/TicketListener), never a read of
-- support-chat's tables.
CREATE TABLE ticket (
    id             UUID PRIMARY KEY,
    workspace_id   UUID        NOT NULL,
    number         TEXT        NOT NULL,
    subject        TEXT        NOT NULL,
    status         TEXT        NOT NULL,
    requester_name TEXT,
    assignee_id    UUID,
    -- the ticket's event sequence last applied: an older event never overwrites a newer one
    last_sequence  BIGINT      NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX ticket_workspace ON ticket (workspace_id);

ALTER TABLE room DROP CONSTRAINT room_type_check;
ALTER TABLE room ADD CONSTRAINT room_type_check CHECK (type IN ('DIRECT', 'TEAM', 'GROUP', 'PROJECT', 'TICKET'));
-- TICKET rooms only: the ticket discussed; one room per ticket
ALTER TABLE room ADD COLUMN ticket_id UUID;
CREATE UNIQUE INDEX room_ticket ON room (workspace_id, ticket_id) WHERE ticket_id IS NOT NULL;
