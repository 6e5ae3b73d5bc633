package io.goftgu.internalchat.listener;

import io.goftgu.events.EventEnvelope;
import io.goftgu.events.IdentityPayloads;
import io.goftgu.internalchat.domain.Contact;
import io.goftgu.internalchat.service.RoomService;
import io.goftgu.links.WorkspaceLinksTable;
import io.goftgu.projection.IdentityProjection;
import io.goftgu.projection.IdentityTable;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import java.util.UUID;

/**
 * Keeps {@link Contact}, {@code team}, {@code team_member} and {@code workspace_links} in step with
 * {@code identity.events} (platform's {@link IdentityProjection}): internal chat never reads the gateway's tables.
 * Team membership changes also move the team's room members.
 */
@ApplicationScoped
public class IdentityListener implements IdentityTable {

    static final String CONSUMER = "internal-chat.identity-projection";

    private final EntityManager entityManager;
    private final RoomService rooms;
    private final WorkspaceLinksTable links;

    IdentityListener(EntityManager entityManager, RoomService rooms, WorkspaceLinksTable links) {
        this.entityManager = entityManager;
        this.rooms = rooms;
        this.links = links;
    }

    void start(@Observes StartupEvent startup, IdentityProjection projection) {
        projection.subscribe(CONSUMER, this);
    }

    @Override
    public void user(EventEnvelope event, IdentityPayloads.User user, boolean active) {
        if (!user.complete()) {
            // a partial payload (e.g. a bare deactivation) can only change a contact we already have
            entityManager.createNativeQuery("UPDATE contact SET active = ?1, updated_at = ?2 WHERE id = ?3")
                    .setParameter(1, active).setParameter(2, event.occurredAt()).setParameter(3, user.id())
                    .executeUpdate();
            return;
        }
        entityManager.createNativeQuery("""
                        INSERT INTO contact (id, workspace_id, name, email, role, active, updated_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                        ON CONFLICT (id) DO UPDATE SET name = excluded.name, email = excluded.email,
                            role = excluded.role, active = excluded.active, updated_at = excluded.updated_at""")
                .setParameter(1, user.id())
                .setParameter(2, event.workspaceId())
                .setParameter(3, user.name())
                .setParameter(4, user.email())
                .setParameter(5, user.role())
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
        upsertTeam(team.id(), event.workspaceId(), team.name());
        team.memberIds().forEach(userId -> addTeamMember(event.workspaceId(), team.id(), userId));
    }

    @Override
    public void teamMemberAdded(EventEnvelope event, IdentityPayloads.TeamMember member) {
        upsertTeam(member.teamId(), event.workspaceId(), member.teamName());
        addTeamMember(event.workspaceId(), member.teamId(), member.userId());
    }

    @Override
    public void teamMemberRemoved(EventEnvelope event, IdentityPayloads.TeamMember member) {
        entityManager.createNativeQuery("DELETE FROM team_member WHERE team_id = ?1 AND user_id = ?2")
                .setParameter(1, member.teamId()).setParameter(2, member.userId()).executeUpdate();
        rooms.teamMemberChanged(event.workspaceId(), member.teamId(), member.userId(), false);
    }

    /** A blank name (a membership event without one) keeps the name the team has. */
    private void upsertTeam(UUID teamId, UUID workspaceId, String name) {
        entityManager.createNativeQuery("""
                        INSERT INTO team (id, workspace_id, name) VALUES (?1, ?2, ?3)
                        ON CONFLICT (id) DO UPDATE SET name = CASE WHEN excluded.name = '' THEN team.name ELSE excluded.name END""")
                .setParameter(1, teamId).setParameter(2, workspaceId).setParameter(3, name == null ? "" : name)
                .executeUpdate();
    }

    private void addTeamMember(UUID workspaceId, UUID teamId, UUID userId) {
        entityManager.createNativeQuery("INSERT INTO team_member (team_id, user_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, teamId).setParameter(2, userId).executeUpdate();
        rooms.teamMemberChanged(workspaceId, teamId, userId, true);
    }
}
