-- Observability columns of the outbox (docs/operations.md, "Metrics and traces"), added by a repeatable migration
-- so that databases whose service migrations are already past the outbox's V0_1 take it without out-of-order
-- versions. trace_parent: the W3C traceparent of the request that wrote the event, carried to the Kafka record's
-- headers; event_type: the envelope's type, for the relay's per-type counters.
ALTER TABLE outbox_event ADD COLUMN IF NOT EXISTS trace_parent TEXT;
ALTER TABLE outbox_event ADD COLUMN IF NOT EXISTS event_type TEXT;
