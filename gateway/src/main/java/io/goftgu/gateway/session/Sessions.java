package io.goftgu.gateway.session;

import io.goftgu.gateway.api.LoginRequest;
import io.goftgu.gateway.domain.Credential;
import io.goftgu.gateway.domain.UserAccount;
import io.goftgu.gateway.domain.Workspace;
import io.goftgu.gateway.token.IssuedToken;
import io.goftgu.gateway.token.TokenIssuer;
import io.goftgu.problem.Problems;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Locale;

/**
 * Login, refresh and logout. Every way a login can fail (workspace, e-mail, password, deactivated account) answers
 * the same 401 after the same hashing work, so the answer tells an attacker nothing about which accounts exist.
 */
@ApplicationScoped
public class Sessions {

    static final String BAD_CREDENTIALS = "the workspace, e-mail or password is not right";

    /** A signed-in session: the access token and the refresh token that continues it. */
    public record Session(UserAccount user, IssuedToken access, String refreshToken) {
    }

    private record Candidate(UserAccount user, String passwordHash) {
    }

    private final PasswordHasher hasher;
    private final TokenIssuer issuer;
    private final RefreshTokens refreshTokens;
    private final LoginThrottle throttle;

    Sessions(PasswordHasher hasher, TokenIssuer issuer, RefreshTokens refreshTokens, LoginThrottle throttle) {
        this.hasher = hasher;
        this.issuer = issuer;
        this.refreshTokens = refreshTokens;
        this.throttle = throttle;
    }

    public Session login(LoginRequest request, String clientIp) {
        var account = request.workspace().trim().toLowerCase(Locale.ROOT) + "|" + UserAccount.normalizeEmail(request.email());
        throttle.check(account, clientIp);
        return checkedLogin(request, clientIp, account);
    }

    private Session checkedLogin(LoginRequest request, String clientIp, String account) {
        var candidate = QuarkusTransaction.requiringNew().call(() -> Workspace.bySlug(request.workspace().trim().toLowerCase(Locale.ROOT))
                .flatMap(workspace -> UserAccount.byEmail(workspace.id, request.email()))
                .map(user -> new Candidate(user, Credential.<Credential>findByIdOptional(user.id)
                        .map(c -> c.passwordHash).orElse(null)))
                .orElse(null));
        // hashing happens outside the transaction: no database connection is held for those milliseconds
        var passwordMatches = hasher.verify(request.password(),
                candidate == null ? null : candidate.passwordHash());
        if (!passwordMatches || !candidate.user().active) {
            throttle.recordFailure(account, clientIp);
            throw Problems.unauthorized(BAD_CREDENTIALS);
        }
        throttle.recordSuccess(account, clientIp);
        var user = candidate.user();
        var refresh = QuarkusTransaction.requiringNew().call(() -> {
            if (hasher.isOutdated(candidate.passwordHash())) {
                Credential.update("passwordHash = ?1 where userId = ?2", hasher.hash(request.password()), user.id);
                Log.debugf("upgraded the password hash of user %s", user.id);
            }
            return refreshTokens.start(user);
        });
        return new Session(user, issuer.access(user), refresh);
    }

    public Session refresh(String refreshToken) {
        return switch (refreshTokens.rotate(refreshToken)) {
            case RefreshTokens.Rotation.Rotated rotated ->
                    new Session(rotated.user(), issuer.access(rotated.user()), rotated.next());
            case RefreshTokens.Rotation.Refused refused -> {
                Log.debugf("refresh refused: %s", refused.reason());
                throw Problems.unauthorized("the session has ended; log in again");
            }
        };
    }

    public void logout(String refreshToken) {
        refreshTokens.revokeSession(refreshToken);
    }
}
