package io.goftgu.internalchat.contacts;

import io.goftgu.events.EventEnvelope;
import io.goftgu.events.EventTypes;
import io.goftgu.events.Topics;
import io.goftgu.outbox.EventSubscriber;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * {@code realtime.presence.changed} from {@code realtime.signals} into the contacts, so contacts show
 * {@code presence} and {@code lastSeenAt}. An older report never overwrites a newer one.
 */
@ApplicationScoped
public class PresenceProjection {

    static final String CONSUMER = "internal-chat.presence";
    private static final Set<String> STATUSES = Set.of("online", "away", "busy", "offline");

    private final EntityManager entityManager;

    PresenceProjection(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    void start(@Observes StartupEvent startup, EventSubscriber subscriber) {
        subscriber.subscribe(CONSUMER, List.of(Topics.REALTIME_SIGNALS), EventTypes.Realtime.PRESENCE_CHANGED::equals,
                this::apply);
    }

    void apply(EventEnvelope event) {
        var payload = event.payload();
        var status = payload.path("status").asText();
        if (!STATUSES.contains(status) || !payload.hasNonNull("userId")) {
            return;
        }
        Instant lastSeen;
        UUID userId;
        try {
            lastSeen = payload.hasNonNull("lastSeenAt") ? Instant.parse(payload.path("lastSeenAt").asText()) : null;
            userId = UUID.fromString(payload.path("userId").asText());
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            return;
        }
        if (lastSeen == null) {
            entityManager.createNativeQuery("UPDATE contact SET presence = ?1 WHERE id = ?2 AND workspace_id = ?3")
                    .setParameter(1, status).setParameter(2, userId).setParameter(3, event.workspaceId()).executeUpdate();
            return;
        }
        entityManager.createNativeQuery("""
                        UPDATE contact SET presence = ?1, last_seen_at = ?2
                        WHERE id = ?3 AND workspace_id = ?4 AND (last_seen_at IS NULL OR last_seen_at <= ?2)""")
                .setParameter(1, status).setParameter(2, lastSeen).setParameter(3, userId)
                .setParameter(4, event.workspaceId()).executeUpdate();
    }
}
