package io.goftgu.gateway.events;

import io.goftgu.events.Actor;
import io.goftgu.events.Audience;
import io.goftgu.events.EventTypes;
import io.goftgu.events.IdentityPayloads;
import io.goftgu.gateway.domain.Team;
import io.goftgu.gateway.domain.UserAccount;
import io.goftgu.gateway.domain.Workspace;
import io.goftgu.outbox.NewEvent;
import io.goftgu.outbox.Outbox;
import io.goftgu.security.Role;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/**
 * Writes {@code identity.events} to the outbox, in the caller's transaction. Payload shapes are a contract: other
 * services and CRM consumers parse exactly these fields, so they are the records of {@link IdentityPayloads} in
 * platform/events, which every consumer reads too. Every identity event is for the workspace's staff.
 */
@ApplicationScoped
public class IdentityEvents {

    private static final Audience STAFF = Audience.role(Role.STAFF);

    private final Outbox outbox;

    IdentityEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void workspaceCreated(Workspace workspace, UUID actorId) {
        outbox.add(new NewEvent(EventTypes.Identity.WORKSPACE_CREATED, workspace.id, workspace.id, Actor.user(actorId), STAFF,
                new IdentityPayloads.Workspace(workspace.id, workspace.name, workspace.slug)));
    }

    public void workspaceLinksUpdated(IdentityPayloads.WorkspaceLinks links, UUID actorId) {
        outbox.add(new NewEvent(EventTypes.Identity.WORKSPACE_LINKS_UPDATED, links.workspaceId(), links.workspaceId(),
                Actor.user(actorId), STAFF, links));
    }

    public void userCreated(UserAccount user, UUID actorId) {
        user(EventTypes.Identity.USER_CREATED, user, actorId);
    }

    public void userUpdated(UserAccount user, UUID actorId) {
        user(EventTypes.Identity.USER_UPDATED, user, actorId);
    }

    public void userDeactivated(UserAccount user, UUID actorId) {
        user(EventTypes.Identity.USER_DEACTIVATED, user, actorId);
    }

    public void teamCreated(Team team, UUID actorId) {
        outbox.add(new NewEvent(EventTypes.Identity.TEAM_CREATED, team.workspaceId, team.id, Actor.user(actorId), STAFF,
                new IdentityPayloads.Team(team.id, team.workspaceId, team.name, List.copyOf(team.memberIds))));
    }

    public void teamMemberAdded(Team team, UUID userId, UUID actorId) {
        teamMember(EventTypes.Identity.TEAM_MEMBER_ADDED, team, userId, actorId);
    }

    public void teamMemberRemoved(Team team, UUID userId, UUID actorId) {
        teamMember(EventTypes.Identity.TEAM_MEMBER_REMOVED, team, userId, actorId);
    }

    private void user(String type, UserAccount user, UUID actorId) {
        outbox.add(new NewEvent(type, user.workspaceId, user.id, Actor.user(actorId), STAFF,
                new IdentityPayloads.User(user.id, user.workspaceId, user.name, user.email, user.role.name(), user.active)));
    }

    private void teamMember(String type, Team team, UUID userId, UUID actorId) {
        outbox.add(new NewEvent(type, team.workspaceId, team.id, Actor.user(actorId), STAFF,
                new IdentityPayloads.TeamMember(team.id, team.workspaceId, team.name, userId)));
    }
}
