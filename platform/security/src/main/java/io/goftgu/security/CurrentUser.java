package io.goftgu.security;

import io.goftgu.problem.Problems;
import jakarta.enterprise.context.RequestScoped;
import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.UUID;

/**
 * The verified caller of the current request: workspace, user (or guest) id and role, all from the token and
 * never from the request. Every query is scoped by {@link #workspaceId()}.
 */
@RequestScoped
public class CurrentUser {

    private final JsonWebToken token;
    private final SecurityIdentity identity;
    // read once per request: a request asks for them many times
    private UUID id;
    private UUID workspaceId;

    CurrentUser(JsonWebToken token, SecurityIdentity identity) {
        this.token = token;
        this.identity = identity;
    }

    public UUID id() {
        if (id == null) {
            id = uuid(token.getSubject(), "sub");
        }
        return id;
    }

    public UUID workspaceId() {
        if (workspaceId == null) {
            workspaceId = uuid(token.getClaim(Claims.WORKSPACE), Claims.WORKSPACE);
        }
        return workspaceId;
    }

    /**
     * The caller's role: the token's, unless the service's identity projection knows a newer one
     * ({@link TokenRevocation} puts it on the security identity).
     */
    public Role role() {
        for (var role : Role.values()) {
            if (identity.hasRole(role.name())) {
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
