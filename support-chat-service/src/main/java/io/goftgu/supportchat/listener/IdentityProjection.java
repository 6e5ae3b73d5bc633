package io.goftgu.supportchat.listener;

import com.fasterxml.jackson.databind.JsonNode;
import io.goftgu.events.EventEnvelope;
import io.goftgu.events.EventTypes;
import io.goftgu.events.Topics;
import io.goftgu.outbox.EventSubscriber;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.UUID;

/**
 * {@code identity.events} into {@code workspace_user}, {@code team} and {@code team_member}: who is an active staff
 * member (assignees, agents) or customer (requesters on behalf), and names for the views.
 */
@ApplicationScoped
public class IdentityProjection {

    static final String CONSUMER = "support-chat.identity-projection";

    private final EntityManager em;

    IdentityProjection(EntityManager em) {
        this.em = em;
    }

    void start(@Observes StartupEvent startup, EventSubscriber subscriber) {
        subscriber.subscribe(CONSUMER, List.of(Topics.IDENTITY), this::apply);
    }

    void apply(EventEnvelope event) {
        var p = event.payload();
        switch (event.type()) {
            case EventTypes.Identity.USER_CREATED, EventTypes.Identity.USER_UPDATED ->
                    user(event, p, p.path("active").asBoolean(true));
            case EventTypes.Identity.USER_DEACTIVATED -> user(event, p, false);
            case EventTypes.Identity.TEAM_CREATED -> {
                var teamId = uuid(p, "id");
                team(teamId, event.workspaceId(), p.path("name").asText());
                p.path("memberIds").forEach(id -> member(teamId, UUID.fromString(id.asText())));
            }
            case EventTypes.Identity.TEAM_MEMBER_ADDED -> {
                var teamId = uuid(p, "teamId");
                team(teamId, event.workspaceId(), p.path("teamName").asText());
                member(teamId, uuid(p, "userId"));
            }
            case EventTypes.Identity.TEAM_MEMBER_REMOVED ->
                    em.createNativeQuery("DELETE FROM team_member WHERE team_id = ?1 AND user_id = ?2")
                            .setParameter(1, uuid(p, "teamId")).setParameter(2, uuid(p, "userId")).executeUpdate();
            default -> {
            }
        }
    }

    private void user(EventEnvelope event, JsonNode u, boolean active) {
        em.createNativeQuery("""
                        INSERT INTO workspace_user (id, workspace_id, name, email, role, active) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                        ON CONFLICT (id) DO UPDATE SET name = coalesce(excluded.name, workspace_user.name),
                            email = coalesce(excluded.email, workspace_user.email),
                            role = coalesce(excluded.role, workspace_user.role), active = excluded.active""")
                .setParameter(1, uuid(u, "id")).setParameter(2, event.workspaceId()).setParameter(3, text(u, "name"))
                .setParameter(4, text(u, "email")).setParameter(5, text(u, "role")).setParameter(6, active)
                .executeUpdate();
    }

    private void team(UUID id, UUID workspaceId, String name) {
        em.createNativeQuery("""
                        INSERT INTO team (id, workspace_id, name) VALUES (?1, ?2, ?3)
                        ON CONFLICT (id) DO UPDATE SET name = CASE WHEN excluded.name = '' THEN team.name ELSE excluded.name END""")
                .setParameter(1, id).setParameter(2, workspaceId).setParameter(3, name).executeUpdate();
    }

    private void member(UUID teamId, UUID userId) {
        em.createNativeQuery("INSERT INTO team_member (team_id, user_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, teamId).setParameter(2, userId).executeUpdate();
    }

    private static UUID uuid(JsonNode node, String field) {
        return UUID.fromString(node.path(field).asText());
    }

    private static String text(JsonNode node, String field) {
        var value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
