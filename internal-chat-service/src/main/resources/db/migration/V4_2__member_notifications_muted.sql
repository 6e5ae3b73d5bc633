-- A member's own "do not notify me about this room" (docs/subsystems/notifications.md), apart from `muted`, which is a
-- moderator's ban on posting. The gateway's notifier reads it from the member events; the dashboard from the room.
ALTER TABLE room_member ADD COLUMN notifications_muted BOOLEAN NOT NULL DEFAULT false;
