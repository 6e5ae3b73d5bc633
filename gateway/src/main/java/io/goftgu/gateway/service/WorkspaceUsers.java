package io.goftgu.gateway.service;

import io.goftgu.gateway.api.NewUser;
import io.goftgu.paging.Page;
import io.goftgu.gateway.api.UserChange;
import io.goftgu.gateway.api.UserView;
import io.goftgu.gateway.domain.Credential;
import io.goftgu.gateway.domain.UserAccount;
import io.goftgu.gateway.domain.UserRole;
import io.goftgu.gateway.events.IdentityEvents;
import io.goftgu.gateway.session.PasswordHasher;
import io.goftgu.gateway.session.RefreshTokens;
import io.goftgu.problem.ProblemException;
import io.goftgu.problem.Problems;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.UUID;

/** An ADMIN's management of the users of their workspace. Every query is scoped by the caller's workspace. */
@ApplicationScoped
public class WorkspaceUsers {

    private final Passwords passwords;
    private final PasswordHasher hasher;
    private final IdentityEvents events;
    private final RefreshTokens refreshTokens;
    private final EntityManager entityManager;

    WorkspaceUsers(Passwords passwords, PasswordHasher hasher, IdentityEvents events, RefreshTokens refreshTokens,
                   EntityManager entityManager) {
        this.passwords = passwords;
        this.hasher = hasher;
        this.events = events;
        this.refreshTokens = refreshTokens;
        this.entityManager = entityManager;
    }

    public Page<UserView> list(UUID workspaceId, UUID actorId, int page, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Staff.requireActiveAdmin(workspaceId, actorId);
            var query = UserAccount.<UserAccount>find("workspaceId", Sort.by("name").and("id"), workspaceId);
            var users = query.page(page - 1, limit).list().stream().map(UserView::of).toList();
            return Page.of(users, query.count(), page, limit);
        });
    }

    public UserView create(UUID workspaceId, UUID actorId, NewUser request) {
        passwords.check("password", request.password());
        var hash = hasher.hash(request.password());
        return QuarkusTransaction.requiringNew().call(() -> {
            Staff.requireActiveAdmin(workspaceId, actorId);
            if (UserAccount.byEmail(workspaceId, request.email()).isPresent()) {
                throw emailTaken();
            }
            var user = UserAccount.create(workspaceId, request.name().trim(), request.email(), request.role());
            user.persist();
            Credential.of(user.id, hash).persist();
            Constraints.flushOrConflict(entityManager, WorkspaceUsers::emailTaken);
            events.userCreated(user, actorId);
            return UserView.of(user);
        });
    }

    /**
     * Applies the present fields. Deactivation ends the user's sessions and is announced as
     * {@code identity.user.deactivated} (services cut the user's sockets); other changes as {@code .updated}.
     */
    public UserView change(UUID workspaceId, UUID actorId, UUID userId, UserChange change) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Staff.requireActiveAdmin(workspaceId, actorId);
            var user = UserAccount.inWorkspace(workspaceId, userId).orElseThrow(() -> Problems.notFound("user"));
            var wasActive = user.active;
            var wasStaff = user.active && user.role == UserRole.ADMIN;
            var updated = false;
            if (change.name() != null && !change.name().trim().equals(user.name)) {
                user.name = change.name().trim();
                updated = true;
            }
            if (change.role() != null && change.role() != user.role) {
                user.role = change.role();
                updated = true;
            }
            if (change.active() != null && change.active() != user.active) {
                user.active = change.active();
                updated |= user.active;
            }
            var deactivated = wasActive && !user.active;
            if (!updated && !deactivated) {
                return UserView.of(user);
            }
            if (wasStaff && !(user.active && user.role == UserRole.ADMIN) && otherActiveAdmins(workspaceId, user.id) == 0) {
                throw Problems.conflict("a workspace needs at least one active ADMIN");
            }
            user.updatedAt = Instant.now();
            if (updated) {
                events.userUpdated(user, actorId);
            }
            if (deactivated) {
                refreshTokens.revokeAll(user.id);
                events.userDeactivated(user, actorId);
            }
            return UserView.of(user);
        });
    }

    private static long otherActiveAdmins(UUID workspaceId, UUID userId) {
        return UserAccount.count("workspaceId = ?1 and role = ?2 and active = true and id <> ?3", workspaceId,
                UserRole.ADMIN, userId);
    }

    private static ProblemException emailTaken() {
        return Problems.conflict("a user with this e-mail already exists in the workspace");
    }
}
