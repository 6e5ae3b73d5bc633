package io.goftgu.internalchat.listener;

import io.goftgu.events.EventEnvelope;
import io.goftgu.events.PresencePayload;
import io.goftgu.projection.PresenceProjection;
import io.goftgu.projection.PresenceTable;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

/**
 * Staff presence (platform's {@link PresenceProjection}) into the contacts, so contacts show {@code presence} and
 * {@code lastSeenAt}. An older report never overwrites a newer one.
 */
@ApplicationScoped
public class PresenceListener implements PresenceTable {

    static final String CONSUMER = "internal-chat.presence";

    private final EntityManager entityManager;

    PresenceListener(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    void start(@Observes StartupEvent startup, PresenceProjection projection) {
        projection.subscribe(CONSUMER, this);
    }

    @Override
    public void presenceChanged(EventEnvelope event, PresencePayload presence) {
        if (presence.lastSeenAt() == null) {
            entityManager.createNativeQuery("UPDATE contact SET presence = ?1 WHERE id = ?2 AND workspace_id = ?3")
                    .setParameter(1, presence.status()).setParameter(2, presence.userId())
                    .setParameter(3, event.workspaceId()).executeUpdate();
            return;
        }
        entityManager.createNativeQuery("""
                        UPDATE contact SET presence = ?1, last_seen_at = ?2
                        WHERE id = ?3 AND workspace_id = ?4 AND (last_seen_at IS NULL OR last_seen_at <= ?2)""")
                .setParameter(1, presence.status()).setParameter(2, presence.lastSeenAt())
                .setParameter(3, presence.userId()).setParameter(4, event.workspaceId()).executeUpdate();
    }
}
