package io.goftgu.security;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.UUID;

/**
 * Revocation at once (docs/security.md, "Revocation"): a staff or customer token is checked, on every request,
 * against the service's own projection of {@code identity.events} ({@link IdentityDirectory}), or what the directory
 * kept of it since it last changed ({@link IdentityDirectory#known}). A deactivated user, or
 * one the projection places in another workspace, is 401 whatever their token says; a user whose role changed is
 * treated as the projection's role, so a demoted admin's old token no longer opens staff endpoints (403) and shows
 * no staff data. Guest tokens are not users and pass unchanged. A service without a directory trusts the token.
 */
@ApplicationScoped
public class TokenRevocation implements SecurityIdentityAugmentor {

    private final Instance<IdentityDirectory> directories;

    TokenRevocation(Instance<IdentityDirectory> directories) {
        this.directories = directories;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || directories.isUnsatisfied() || identity.hasRole(Role.VISITOR)
                || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        UUID userId;
        UUID workspaceId;
        try {
            userId = UUID.fromString(token.getSubject());
            workspaceId = UUID.fromString(String.valueOf(token.<Object>getClaim(Claims.WORKSPACE)));
        } catch (RuntimeException e) {
            return Uni.createFrom().item(identity);
        }
        var directory = directories.get();
        // a status kept since the projection last changed is checked here, on the event loop; otherwise it is read
        var known = directory.known(userId);
        if (known != null) {
            return Uni.createFrom().item(() -> check(identity, userId, workspaceId, known.status()));
        }
        return context.runBlocking(() -> check(identity, userId, workspaceId, directory.status(userId)));
    }

    /** The directory stops listening for changes before the datasource closes, which comes before its destruction. */
    void stopListening(@Observes ShutdownEvent event) {
        if (directories.isResolvable() && directories.get() instanceof ProjectedIdentityDirectory projected) {
            projected.stopListening();
        }
    }

    private SecurityIdentity check(SecurityIdentity identity, UUID userId, UUID workspaceId,
                                   IdentityDirectory.Status status) {
        if (status == null) {
            return identity;
        }
        if (!status.active() || !workspaceId.equals(status.workspaceId())) {
            Log.debugf("token of %s refused: the account is deactivated", userId);
            throw new AuthenticationFailedException("the account is deactivated");
        }
        if (status.role() == null || (identity.hasRole(status.role().name()) && identity.getRoles().size() == 1)) {
            return identity;
        }
        // the projection's role replaces the token's: a demotion counts before the token expires
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes())
                .addRole(status.role().name())
                .setAnonymous(false)
                .build();
    }
}
