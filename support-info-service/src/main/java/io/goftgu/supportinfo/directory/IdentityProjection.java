package io.goftgu.supportinfo.directory;

import com.fasterxml.jackson.databind.JsonNode;
import io.goftgu.events.EventEnvelope;
import io.goftgu.events.EventTypes;
import io.goftgu.events.Topics;
import io.goftgu.outbox.EventSubscriber;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps the directory ({@code directory_user}, {@code directory_team}) in step with {@code identity.events}, so
 * records can check that a customer, an assignee or a team belongs to the caller's workspace. Each event is applied
 * once (the subscriber dedupes by event id), in the order of its aggregate's events.
 */
@ApplicationScoped
public class IdentityProjection {

    static final String CONSUMER = "support-info.identity-projection";
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
        JsonNode payload = event.payload();
        var id = uuid(payload.path("id").asText(null));
        if (id == null) {
            if (USER_EVENTS.contains(event.type()) || EventTypes.Identity.TEAM_CREATED.equals(event.type())) {
                Log.warnf("%s: %s %s has no id in its payload, skipped", CONSUMER, event.type(), event.id());
            }
            return;
        }
        if (USER_EVENTS.contains(event.type())) {
            boolean active = payload.path("active")
                    .asBoolean(!EventTypes.Identity.USER_DEACTIVATED.equals(event.type()));
            entityManager.createNativeQuery("""
                            INSERT INTO directory_user (id, workspace_id, name, email, role, active, updated_at)
                            VALUES (?1, ?2, ?3, NULLIF(?4, ''), ?5, ?6, ?7)
                            ON CONFLICT (id) DO UPDATE SET name = excluded.name, email = excluded.email,
                                role = excluded.role, active = excluded.active, updated_at = excluded.updated_at""")
                    .setParameter(1, id)
                    .setParameter(2, event.workspaceId())
                    .setParameter(3, payload.path("name").asText(""))
                    .setParameter(4, payload.path("email").asText(""))
                    .setParameter(5, payload.path("role").asText("USER"))
                    .setParameter(6, active)
                    .setParameter(7, event.occurredAt())
                    .executeUpdate();
        } else if (EventTypes.Identity.TEAM_CREATED.equals(event.type())) {
            entityManager.createNativeQuery("""
                            INSERT INTO directory_team (id, workspace_id, name, updated_at) VALUES (?1, ?2, ?3, ?4)
                            ON CONFLICT (id) DO UPDATE SET name = excluded.name, updated_at = excluded.updated_at""")
                    .setParameter(1, id)
                    .setParameter(2, event.workspaceId())
                    .setParameter(3, payload.path("name").asText(""))
                    .setParameter(4, event.occurredAt())
                    .executeUpdate();
        }
    }

    private static UUID uuid(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
