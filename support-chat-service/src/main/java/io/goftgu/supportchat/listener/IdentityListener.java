package io.goftgu.supportchat.listener;

import io.goftgu.events.EventEnvelope;
import io.goftgu.events.IdentityPayloads;
import io.goftgu.projection.IdentityProjection;
import io.goftgu.projection.IdentityTable;
import io.goftgu.supportchat.service.GuestMerge;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import java.util.UUID;

/**
 * {@code identity.events} (platform's {@link IdentityProjection}) into {@code workspace_user}, {@code team} and
 * {@code team_member}: who is an active staff member (assignees, agents) or customer (requesters on behalf), and
 * names for the views.
 */
@ApplicationScoped
public class IdentityListener implements IdentityTable {

    static final String CONSUMER = "support-chat.identity-projection";

    private final EntityManager em;
    private final GuestMerge guests;

    IdentityListener(EntityManager em, GuestMerge guests) {
        this.em = em;
        this.guests = guests;
    }

    void start(@Observes StartupEvent startup, IdentityProjection projection) {
        projection.subscribe(CONSUMER, this);
    }

    /** A partial payload (a bare deactivation) keeps the name, email and role the user had. */
    @Override
    public void user(EventEnvelope event, IdentityPayloads.User user, boolean active) {
        em.createNativeQuery("""
                        INSERT INTO workspace_user (id, workspace_id, name, email, role, active) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                        ON CONFLICT (id) DO UPDATE SET name = coalesce(excluded.name, workspace_user.name),
                            email = coalesce(excluded.email, workspace_user.email),
                            role = coalesce(excluded.role, workspace_user.role), active = excluded.active""")
                .setParameter(1, user.id()).setParameter(2, event.workspaceId()).setParameter(3, user.name())
                .setParameter(4, user.email()).setParameter(5, user.role()).setParameter(6, active)
                .executeUpdate();
        // a customer who signs up (or whose e-mail changes) takes over the verified guests that name them
        guests.customerKnown(event.workspaceId(), user.id());
    }

    @Override
    public void teamCreated(EventEnvelope event, IdentityPayloads.Team team) {
        upsertTeam(team.id(), event.workspaceId(), team.name());
        team.memberIds().forEach(userId -> addMember(team.id(), userId));
    }

    @Override
    public void teamMemberAdded(EventEnvelope event, IdentityPayloads.TeamMember member) {
        upsertTeam(member.teamId(), event.workspaceId(), member.teamName());
        addMember(member.teamId(), member.userId());
    }

    @Override
    public void teamMemberRemoved(EventEnvelope event, IdentityPayloads.TeamMember member) {
        em.createNativeQuery("DELETE FROM team_member WHERE team_id = ?1 AND user_id = ?2")
                .setParameter(1, member.teamId()).setParameter(2, member.userId()).executeUpdate();
    }

    /** A blank name (a membership event without one) keeps the name the team has. */
    private void upsertTeam(UUID id, UUID workspaceId, String name) {
        em.createNativeQuery("""
                        INSERT INTO team (id, workspace_id, name) VALUES (?1, ?2, ?3)
                        ON CONFLICT (id) DO UPDATE SET name = CASE WHEN excluded.name = '' THEN team.name ELSE excluded.name END""")
                .setParameter(1, id).setParameter(2, workspaceId).setParameter(3, name == null ? "" : name)
                .executeUpdate();
    }

    private void addMember(UUID teamId, UUID userId) {
        em.createNativeQuery("INSERT INTO team_member (team_id, user_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, teamId).setParameter(2, userId).executeUpdate();
    }
}
