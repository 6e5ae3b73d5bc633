-- The transactional outbox of platform/outbox (docs/architecture.md, "Events leave through the outbox").
-- Rows live only until the relay has published them.
CREATE TABLE outbox_event (
    id          BIGSERIAL PRIMARY KEY,
    event_id    UUID        NOT NULL UNIQUE,
    topic       TEXT        NOT NULL,
    record_key  TEXT        NOT NULL,
    envelope    TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Per-aggregate event sequence. Taking this row's lock also orders outbox rows of one aggregate by commit.
CREATE TABLE outbox_sequence (
    aggregate_id  UUID   PRIMARY KEY,
    last_sequence BIGINT NOT NULL
);

-- Consumer-side dedupe: one row per (consumer, event id) handled.
CREATE TABLE processed_event (
    consumer     TEXT        NOT NULL,
    event_id     UUID        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
