package io.goftgu.internalchat.contacts;

import com.fasterxml.jackson.databind.JsonNode;
import io.goftgu.events.EventEnvelope;
import io.goftgu.events.EventTypes;
import io.goftgu.events.Topics;
import io.goftgu.internalchat.domain.Contact;
import io.goftgu.internalchat.service.RoomService;
import io.goftgu.outbox.EventSubscriber;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.UUID;

/**
 * Keeps {@link Contact}, {@code team} and {@code team_member} in step with {@code identity.events}: internal chat
 * never reads the gateway's tables. Team membership changes also move the team's room members. Each event is
 * applied once (the subscriber dedupes by event id) in the order of its aggregate's events.
 */
@ApplicationScoped
public class IdentityProjection {

    static final String CONSUMER = "internal-chat.identity-projection";

    private final EntityManager entityManager;
    private final RoomService rooms;

    IdentityProjection(EntityManager entityManager, RoomService rooms) {
        this.entityManager = entityManager;
        this.rooms = rooms;
    }

    void start(@Observes StartupEvent startup, EventSubscriber subscriber) {
        subscriber.subscribe(CONSUMER, List.of(Topics.IDENTITY), this::apply);
    }

    void apply(EventEnvelope event) {
        try {
            project(event);
        } catch (IllegalArgumentException e) {
            // a payload without the ids we need can never succeed: retrying it would stall the partition
            Log.warnf("%s: skipping %s %s: %s", CONSUMER, event.type(), event.id(), e.getMessage());
        }
    }

    private void project(EventEnvelope event) {
        var payload = event.payload();
        switch (event.type()) {
            case EventTypes.Identity.USER_CREATED, EventTypes.Identity.USER_UPDATED -> upsertUser(event, payload,
                    payload.path("active").asBoolean(true));
            case EventTypes.Identity.USER_DEACTIVATED -> upsertUser(event, payload, false);
            case EventTypes.Identity.TEAM_CREATED -> {
                var teamId = uuid(payload, "id");
                upsertTeam(teamId, event.workspaceId(), payload.path("name").asText());
                payload.path("memberIds").forEach(id -> addTeamMember(event.workspaceId(), teamId, UUID.fromString(id.asText())));
            }
            case EventTypes.Identity.TEAM_MEMBER_ADDED -> {
                var teamId = uuid(payload, "teamId");
                upsertTeam(teamId, event.workspaceId(), payload.path("teamName").asText());
                addTeamMember(event.workspaceId(), teamId, uuid(payload, "userId"));
            }
            case EventTypes.Identity.TEAM_MEMBER_REMOVED -> {
                var teamId = uuid(payload, "teamId");
                var userId = uuid(payload, "userId");
                entityManager.createNativeQuery("DELETE FROM team_member WHERE team_id = ?1 AND user_id = ?2")
                        .setParameter(1, teamId).setParameter(2, userId).executeUpdate();
                rooms.teamMemberChanged(event.workspaceId(), teamId, userId, false);
            }
            default -> {
            }
        }
    }

    private void upsertUser(EventEnvelope event, JsonNode user, boolean active) {
        if (text(user, "name") == null || text(user, "email") == null || text(user, "role") == null) {
            // a partial payload (e.g. a bare deactivation) can only change a contact we already have
            entityManager.createNativeQuery("UPDATE contact SET active = ?1, updated_at = ?2 WHERE id = ?3")
                    .setParameter(1, active).setParameter(2, event.occurredAt()).setParameter(3, uuid(user, "id"))
                    .executeUpdate();
            return;
        }
        entityManager.createNativeQuery("""
                        INSERT INTO contact (id, workspace_id, name, email, role, active, updated_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                        ON CONFLICT (id) DO UPDATE SET name = coalesce(excluded.name, contact.name),
                            email = coalesce(excluded.email, contact.email), role = coalesce(excluded.role, contact.role),
                            active = excluded.active, updated_at = excluded.updated_at""")
                .setParameter(1, uuid(user, "id"))
                .setParameter(2, event.workspaceId())
                .setParameter(3, text(user, "name"))
                .setParameter(4, text(user, "email"))
                .setParameter(5, text(user, "role"))
                .setParameter(6, active)
                .setParameter(7, event.occurredAt())
                .executeUpdate();
    }

    private void upsertTeam(UUID teamId, UUID workspaceId, String name) {
        entityManager.createNativeQuery("""
                        INSERT INTO team (id, workspace_id, name) VALUES (?1, ?2, ?3)
                        ON CONFLICT (id) DO UPDATE SET name = CASE WHEN excluded.name = '' THEN team.name ELSE excluded.name END""")
                .setParameter(1, teamId).setParameter(2, workspaceId).setParameter(3, name).executeUpdate();
    }

    private void addTeamMember(UUID workspaceId, UUID teamId, UUID userId) {
        entityManager.createNativeQuery("INSERT INTO team_member (team_id, user_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, teamId).setParameter(2, userId).executeUpdate();
        rooms.teamMemberChanged(workspaceId, teamId, userId, true);
    }

    private static UUID uuid(JsonNode node, String field) {
        return UUID.fromString(node.path(field).asText());
    }

    /** Null when absent, so a partial payload (a deactivation) keeps what the contact had. */
    private static String text(JsonNode node, String field) {
        var value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
