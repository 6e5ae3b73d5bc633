package io.goftgu.gateway.api;

import io.goftgu.gateway.domain.UserAccount;
import io.goftgu.gateway.domain.UserRole;

import java.time.Instant;
import java.util.UUID;

/** A workspace user as the API shows it (never the password hash). */
public record UserView(UUID id, UUID workspaceId, String name, String email, UserRole role, boolean active,
                       Instant createdAt, Instant updatedAt) {

    public static UserView of(UserAccount user) {
        return new UserView(user.id, user.workspaceId, user.name, user.email, user.role, user.active, user.createdAt,
                user.updatedAt);
    }
}
