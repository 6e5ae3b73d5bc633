package io.goftgu.security;

import java.util.UUID;

/**
 * What a service knows now about a user of a token, from its own projection of {@code identity.events}: whether the
 * account is active and which role it has. A service that provides a bean of this type has every request's token
 * checked against it by {@link TokenRevocation}, so a deactivation or a role change takes effect on the next request
 * instead of when the token expires. Services without one (realtime) trust the token alone.
 */
public interface IdentityDirectory {

    /** What the projection says about a user. */
    record Status(UUID workspaceId, Role role, boolean active) {
    }

    /** An answer of {@link #status} known without a query; {@code status} is null as there. */
    record Known(Status status) {
    }

    /** The user's status, or null when the projection has not heard of them yet (a brand-new user: trust the token). */
    Status status(UUID userId);

    /**
     * What {@link #status} would answer, when it is known here without blocking (kept until the projection changes);
     * null when {@link #status} has to be asked, which may block.
     */
    default Known known(UUID userId) {
        return null;
    }

    /**
     * A directory that runs {@code sql} (one parameter, the user id; columns workspace_id, role, active) on
     * {@code dataSource}: what each service's projection table needs.
     */
    static IdentityDirectory jdbc(javax.sql.DataSource dataSource, String sql) {
        return userId -> {
            try (var connection = dataSource.getConnection(); var query = connection.prepareStatement(sql)) {
                query.setObject(1, userId);
                try (var rows = query.executeQuery()) {
                    if (!rows.next()) {
                        return null;
                    }
                    var role = rows.getString(2);
                    Role parsed = null;
                    for (var candidate : Role.values()) {
                        if (candidate.name().equals(role)) {
                            parsed = candidate;
                        }
                    }
                    return new Status(rows.getObject(1, UUID.class), parsed, rows.getBoolean(3));
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("reading the identity projection failed", e);
            }
        };
    }
}
