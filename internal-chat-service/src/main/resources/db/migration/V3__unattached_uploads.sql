-- An upload may come before its room is known (the composer uploads while the user types): it then belongs to its
-- uploader alone until a message of theirs carries it, which fixes its room. Unsent uploads are purged after a day
-- (UnsentUploadPurge); the partial index finds them without scanning the sent ones.
ALTER TABLE attachment ALTER COLUMN room_id DROP NOT NULL;
CREATE INDEX attachment_unsent ON attachment (created_at) WHERE message_id IS NULL;
