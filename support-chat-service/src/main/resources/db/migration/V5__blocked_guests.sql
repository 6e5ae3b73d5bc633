-- Blocked visitors (docs/security.md, "Blocking a visitor"): staff cut a guest off at once. Its token is refused,
-- the widget cannot start again as that guest, and the events of its tickets no longer reach it.
ALTER TABLE guest
    ADD COLUMN blocked_at TIMESTAMPTZ,
    ADD COLUMN blocked_by UUID;
