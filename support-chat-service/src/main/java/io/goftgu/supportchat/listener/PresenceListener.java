package io.goftgu.supportchat.listener;

import io.goftgu.events.EventEnvelope;
import io.goftgu.events.PresencePayload;
import io.goftgu.projection.PresenceProjection;
import io.goftgu.projection.PresenceTable;
import io.goftgu.supportchat.service.TicketAssignment;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

/**
 * Agents' presence (platform's {@link PresenceProjection}) into {@code agent_availability} ("online" = available for
 * automatic assignment); an agent coming online takes queued tickets at once. An older report never overwrites a
 * newer one.
 */
@ApplicationScoped
public class PresenceListener implements PresenceTable {

    static final String CONSUMER = "support-chat.presence";

    private final EntityManager em;
    private final TicketAssignment assignment;

    PresenceListener(EntityManager em, TicketAssignment assignment) {
        this.em = em;
        this.assignment = assignment;
    }

    void start(@Observes StartupEvent startup, PresenceProjection projection) {
        projection.subscribe(CONSUMER, this);
    }

    @Override
    public void presenceChanged(EventEnvelope event, PresencePayload presence) {
        var at = presence.lastSeenAt() != null ? presence.lastSeenAt() : event.occurredAt();
        em.createNativeQuery("""
                        INSERT INTO agent_availability (user_id, workspace_id, status, changed_at) VALUES (?1, ?2, ?3, ?4)
                        ON CONFLICT (user_id) DO UPDATE SET status = excluded.status, changed_at = excluded.changed_at
                        WHERE agent_availability.changed_at <= excluded.changed_at""")
                .setParameter(1, presence.userId()).setParameter(2, event.workspaceId())
                .setParameter(3, presence.status()).setParameter(4, at).executeUpdate();
        if ("online".equals(presence.status())) {
            assignment.drainQueue(event.workspaceId());
        }
    }
}
