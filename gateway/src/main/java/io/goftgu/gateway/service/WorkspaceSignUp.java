package io.goftgu.gateway.service;

import io.goftgu.gateway.api.SignUpRequest;
import io.goftgu.gateway.api.SignUpResult;
import io.goftgu.gateway.api.UserView;
import io.goftgu.gateway.api.WorkspaceView;
import io.goftgu.gateway.config.GatewayConfig;
import io.goftgu.gateway.domain.Credential;
import io.goftgu.gateway.domain.UserAccount;
import io.goftgu.gateway.domain.UserRole;
import io.goftgu.gateway.domain.Workspace;
import io.goftgu.gateway.events.IdentityEvents;
import io.goftgu.gateway.session.PasswordHasher;
import io.goftgu.problem.Problems;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Self-service sign-up: a new workspace and its first ADMIN, when the operator has enabled it. */
@ApplicationScoped
public class WorkspaceSignUp {

    private final GatewayConfig config;
    private final Passwords passwords;
    private final PasswordHasher hasher;
    private final IdentityEvents events;
    private final EntityManager entityManager;

    WorkspaceSignUp(GatewayConfig config, Passwords passwords, PasswordHasher hasher, IdentityEvents events,
                    EntityManager entityManager) {
        this.config = config;
        this.passwords = passwords;
        this.hasher = hasher;
        this.events = events;
        this.entityManager = entityManager;
    }

    public SignUpResult signUp(SignUpRequest request) {
        if (!config.signup().enabled()) {
            throw Problems.forbidden("sign-up is disabled on this server; ask its operator for a workspace");
        }
        passwords.check("ownerPassword", request.ownerPassword());
        var hash = hasher.hash(request.ownerPassword());
        return QuarkusTransaction.requiringNew().call(() -> {
            if (Workspace.bySlug(request.slug()).isPresent()) {
                throw slugTaken(request.slug());
            }
            var workspace = Workspace.create(request.name().trim(), request.slug());
            workspace.persist();
            var owner = UserAccount.create(workspace.id, request.ownerName().trim(), request.ownerEmail(), UserRole.ADMIN);
            owner.persist();
            Credential.of(owner.id, hash).persist();
            Constraints.flushOrConflict(entityManager, () -> slugTaken(request.slug()));
            events.workspaceCreated(workspace, owner.id);
            events.userCreated(owner, owner.id);
            return new SignUpResult(WorkspaceView.of(workspace), UserView.of(owner));
        });
    }

    private static io.goftgu.problem.ProblemException slugTaken(String slug) {
        return Problems.conflict("the workspace address '" + slug + "' is taken");
    }
}
