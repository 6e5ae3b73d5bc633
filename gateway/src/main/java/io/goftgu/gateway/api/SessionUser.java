package io.goftgu.gateway.api;

import io.goftgu.gateway.domain.UserAccount;

import java.util.UUID;

/** The signed-in user, as login and refresh answer it. */
public record SessionUser(UUID id, String name, String email, String role, UUID workspaceId) {

    public static SessionUser of(UserAccount user) {
        return new SessionUser(user.id, user.name, user.email, user.role.name(), user.workspaceId);
    }
}
