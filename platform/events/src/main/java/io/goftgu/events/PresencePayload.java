package io.goftgu.events;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The payload of {@link EventTypes.Realtime#PRESENCE_CHANGED}: a staff user's status across all realtime replicas,
 * and when they were last seen (absent in an older event).
 */
public record PresencePayload(UUID userId, String status, Instant lastSeenAt) {

    public static final Set<String> STATUSES = Set.of("online", "busy", "away", "offline");

    public PresencePayload {
        Objects.requireNonNull(userId, "userId is required");
        if (!STATUSES.contains(status)) {
            throw new IllegalArgumentException("status must be one of " + STATUSES + ", was " + status);
        }
    }

    /** Reads the payload of a presence event, or throws {@link BadPayloadException}. */
    public static PresencePayload read(EventEnvelope event) {
        return EventJson.payload(event, PresencePayload.class);
    }
}
