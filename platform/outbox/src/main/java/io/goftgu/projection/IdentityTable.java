package io.goftgu.projection;

import io.goftgu.events.EventEnvelope;
import io.goftgu.events.IdentityPayloads;

/**
 * A service's copy of the identity it needs (users, teams, team members), fed by {@link IdentityProjection}. Each
 * method gets a payload already checked; {@code event} gives the workspace and when it happened. The defaults ignore
 * the change: a table implements what it keeps.
 */
public interface IdentityTable {

    /** A user was created, changed or deactivated; {@code active} is what they are now. */
    default void user(EventEnvelope event, IdentityPayloads.User user, boolean active) {
    }

    /** A workspace's CRM link settings changed; {@code links} is the whole of them now. */
    default void workspaceLinks(EventEnvelope event, IdentityPayloads.WorkspaceLinks links) {
    }

    default void teamCreated(EventEnvelope event, IdentityPayloads.Team team) {
    }

    default void teamMemberAdded(EventEnvelope event, IdentityPayloads.TeamMember member) {
    }

    default void teamMemberRemoved(EventEnvelope event, IdentityPayloads.TeamMember member) {
    }
}
