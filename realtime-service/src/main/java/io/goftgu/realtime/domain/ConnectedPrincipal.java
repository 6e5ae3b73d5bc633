package io.goftgu.realtime.domain;

import io.goftgu.events.Audience;
import io.goftgu.security.Role;

import java.util.Objects;
import java.util.UUID;

/**
 * Who holds a socket, as the verified token says at the upgrade: a user (staff or customer) or a guest of one
 * workspace.
 *
 * @param workspaceId the tenant; a socket only ever sees events of this workspace
 * @param id          the user id, or the guest id for {@link Role#GUEST}
 * @param role        the workspace role
 */
public record ConnectedPrincipal(UUID workspaceId, UUID id, Role role) {

    public ConnectedPrincipal {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
    }

    /** Whether an event of this principal's workspace with {@code audience} may reach this principal. */
    public boolean isIn(Audience audience) {
        return audience.includes(id, role.name());
    }
}
