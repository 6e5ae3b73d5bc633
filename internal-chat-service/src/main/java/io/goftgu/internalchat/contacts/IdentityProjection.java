package io.goftgu.internalchat.contacts;

import com.fasterxml.jackson.databind.JsonNode;
import io.goftgu.events.EventEnvelope;
import io.goftgu.events.EventTypes;
import io.goftgu.events.Topics;
import io.goftgu.internalchat.domain.Contact;
import io.goftgu.outbox.EventSubscriber;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps {@link Contact} in step with {@code identity.events}: internal chat never reads the gateway's tables.
 * Each event is applied once (the subscriber dedupes by event id) in the order of its user's events.
 */
@ApplicationScoped
public class IdentityProjection {

    static final String CONSUMER = "internal-chat.identity-projection";
    private static final Set<String> USER_EVENTS =
            Set.of(EventTypes.Identity.USER_CREATED, EventTypes.Identity.USER_UPDATED, EventTypes.Identity.USER_DEACTIVATED);

    private final EntityManager entityManager;

    IdentityProjection(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    void start(@Observes StartupEvent startup, EventSubscriber subscriber) {
        subscriber.subscribe(CONSUMER, List.of(Topics.IDENTITY), this::apply);
    }

    void apply(EventEnvelope event) {
        if (!USER_EVENTS.contains(event.type())) {
            return;
        }
        JsonNode user = event.payload();
        entityManager.createNativeQuery("""
                        INSERT INTO contact (id, workspace_id, name, email, role, active, updated_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                        ON CONFLICT (id) DO UPDATE SET name = excluded.name, email = excluded.email,
                            role = excluded.role, active = excluded.active, updated_at = excluded.updated_at""")
                .setParameter(1, UUID.fromString(user.path("id").asText()))
                .setParameter(2, event.workspaceId())
                .setParameter(3, user.path("name").asText())
                .setParameter(4, user.path("email").asText())
                .setParameter(5, user.path("role").asText())
                .setParameter(6, user.path("active").asBoolean(true))
                .setParameter(7, event.occurredAt())
                .executeUpdate();
    }
}
