package io.goftgu.supportchat.listener;

import io.goftgu.events.EventEnvelope;
import io.goftgu.events.EventTypes;
import io.goftgu.events.Topics;
import io.goftgu.outbox.EventSubscriber;
import io.goftgu.supportchat.service.TicketAssignment;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * {@code realtime.presence.changed} into {@code agent_availability} ("online" = available for automatic
 * assignment); an agent coming online takes queued tickets at once. An older report never overwrites a newer one.
 */
@ApplicationScoped
public class AgentPresence {

    static final String CONSUMER = "support-chat.presence";
    private static final Set<String> STATUSES = Set.of("online", "busy", "away", "offline");

    private final EntityManager em;
    private final TicketAssignment assignment;

    AgentPresence(EntityManager em, TicketAssignment assignment) {
        this.em = em;
        this.assignment = assignment;
    }

    void start(@Observes StartupEvent startup, EventSubscriber subscriber) {
        subscriber.subscribe(CONSUMER, List.of(Topics.REALTIME_SIGNALS), EventTypes.Realtime.PRESENCE_CHANGED::equals,
                this::apply);
    }

    void apply(EventEnvelope event) {
        var p = event.payload();
        var status = p.path("status").asText();
        if (!STATUSES.contains(status) || !p.hasNonNull("userId")) {
            return;
        }
        var at = p.hasNonNull("lastSeenAt") ? Instant.parse(p.path("lastSeenAt").asText()) : event.occurredAt();
        em.createNativeQuery("""
                        INSERT INTO agent_availability (user_id, workspace_id, status, changed_at) VALUES (?1, ?2, ?3, ?4)
                        ON CONFLICT (user_id) DO UPDATE SET status = excluded.status, changed_at = excluded.changed_at
                        WHERE agent_availability.changed_at <= excluded.changed_at""")
                .setParameter(1, UUID.fromString(p.path("userId").asText())).setParameter(2, event.workspaceId())
                .setParameter(3, status).setParameter(4, at).executeUpdate();
        if ("online".equals(status)) {
            assignment.drainQueue(event.workspaceId());
        }
    }
}
