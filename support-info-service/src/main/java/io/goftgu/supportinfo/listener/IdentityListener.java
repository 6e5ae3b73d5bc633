package io.goftgu.supportinfo.listener;

import io.goftgu.events.EventEnvelope;
import io.goftgu.events.IdentityPayloads;
import io.goftgu.links.WorkspaceLinksTable;
import io.goftgu.projection.IdentityProjection;
import io.goftgu.projection.IdentityTable;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

/**
 * Keeps the directory ({@code directory_user}, {@code directory_team}) in step with {@code identity.events}
 * (platform's {@link IdentityProjection}), so records can check that a customer, an assignee or a team belongs to the
 * caller's workspace, and the workspace's CRM link settings ({@code workspace_links}). Team membership is not kept: records name a team, not its members.
 */
@ApplicationScoped
public class IdentityListener implements IdentityTable {

    static final String CONSUMER = "support-info.identity-projection";

    private final EntityManager entityManager;
    private final WorkspaceLinksTable links;

    IdentityListener(EntityManager entityManager, WorkspaceLinksTable links) {
        this.entityManager = entityManager;
        this.links = links;
    }

    void start(@Observes StartupEvent startup, IdentityProjection projection) {
        projection.subscribe(CONSUMER, this);
    }

    @Override
    public void user(EventEnvelope event, IdentityPayloads.User user, boolean active) {
        entityManager.createNativeQuery("""
                        INSERT INTO directory_user (id, workspace_id, name, email, role, active, updated_at)
                        VALUES (?1, ?2, ?3, NULLIF(?4, ''), ?5, ?6, ?7)
                        ON CONFLICT (id) DO UPDATE SET name = excluded.name, email = excluded.email,
                            role = excluded.role, active = excluded.active, updated_at = excluded.updated_at""")
                .setParameter(1, user.id())
                .setParameter(2, event.workspaceId())
                .setParameter(3, user.name() == null ? "" : user.name())
                .setParameter(4, user.email() == null ? "" : user.email())
                .setParameter(5, user.role() == null ? "USER" : user.role())
                .setParameter(6, active)
                .setParameter(7, event.occurredAt())
                .executeUpdate();
    }

    /** The workspace's CRM link settings, this service's copy (docs/design.md, "CRM links"). */
    @Override
    public void workspaceLinks(EventEnvelope event, IdentityPayloads.WorkspaceLinks settings) {
        links.save(settings, event.occurredAt());
    }

    @Override
    public void teamCreated(EventEnvelope event, IdentityPayloads.Team team) {
        entityManager.createNativeQuery("""
                        INSERT INTO directory_team (id, workspace_id, name, updated_at) VALUES (?1, ?2, ?3, ?4)
                        ON CONFLICT (id) DO UPDATE SET name = excluded.name, updated_at = excluded.updated_at""")
                .setParameter(1, team.id())
                .setParameter(2, event.workspaceId())
                .setParameter(3, team.name() == null ? "" : team.name())
                .setParameter(4, event.occurredAt())
                .executeUpdate();
    }
}
