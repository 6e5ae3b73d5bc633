package io.goftgu.events;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One record on a Goftgu topic (docs/design.md §3). Every producer writes this shape and every consumer reads it.
 *
 * @param id          unique per event; consumers dedupe by it
 * @param type        {@code <service>.<aggregate>.<past-tense-verb>}, see {@link EventTypes}
 * @param version     payload schema version of this type
 * @param workspaceId the tenant the event belongs to
 * @param aggregateId the room, ticket, record or user the event is about; also the Kafka record key
 * @param sequence    per aggregate, gap-free and monotonic, starting at 1
 * @param occurredAt  when the change was committed
 * @param actor       who caused it
 * @param audience    who may receive it in realtime, computed by the producer
 * @param payload     the changed object, in the same shape its REST API returns
 */
public record EventEnvelope(
        UUID id,
        String type,
        int version,
        UUID workspaceId,
        UUID aggregateId,
        long sequence,
        Instant occurredAt,
        Actor actor,
        Audience audience,
        JsonNode payload) {

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        EventTypes.requireValid(type);
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1, was " + sequence);
        }
        actor = actor == null ? Actor.SYSTEM : actor;
        audience = audience == null ? Audience.NOBODY : audience;
    }

    /** The topic this event belongs on, derived from its type. */
    public String topic() {
        return EventTypes.topicOf(type);
    }
}
