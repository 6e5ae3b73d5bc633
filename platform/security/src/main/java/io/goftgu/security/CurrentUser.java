package io.goftgu.security;

import io.goftgu.problem.Problems;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.UUID;

/**
 * The verified caller of the current request: workspace, user (or guest) id and role, all from the token and
 * never from the request. Every query is scoped by {@link #workspaceId()}.
 */
@RequestScoped
public class CurrentUser {

    private final JsonWebToken token;

    CurrentUser(JsonWebToken token) {
        this.token = token;
    }

    public UUID id() {
        return uuid(token.getSubject(), "sub");
    }

    public UUID workspaceId() {
        return uuid(token.getClaim(Claims.WORKSPACE), Claims.WORKSPACE);
    }

    public Role role() {
        var groups = token.getGroups();
        for (var role : Role.values()) {
            if (groups.contains(role.name())) {
                return role;
            }
        }
        throw Problems.unauthorized("the token carries no role");
    }

    public boolean isStaff() {
        return role() == Role.ADMIN;
    }

    /** The raw token, to pass on when calling another service on the caller's behalf. */
    public String rawToken() {
        return token.getRawToken();
    }

    private static UUID uuid(Object value, String claim) {
        if (value == null) {
            throw Problems.unauthorized("the token has no " + claim);
        }
        try {
            return UUID.fromString(value.toString());
        } catch (IllegalArgumentException e) {
            throw Problems.unauthorized("the token's " + claim + " is not an id");
        }
    }
}
