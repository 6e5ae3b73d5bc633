package io.goftgu.gateway.token;

import io.goftgu.gateway.config.GatewayConfig;
import io.goftgu.gateway.domain.UserAccount;
import io.goftgu.security.Claims;
import io.goftgu.security.Role;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Signs Goftgu's tokens (docs/design.md §5): RS256 with the active key's {@code kid}, issuer and audience from config,
 * {@code sub}, {@code wid}, {@code groups} = [role], {@code token_type}. Only the gateway holds the private key.
 */
@ApplicationScoped
public class TokenIssuer {

    private final SigningKeys keys;
    private final GatewayConfig.Tokens config;

    TokenIssuer(SigningKeys keys, GatewayConfig config) {
        this.keys = keys;
        this.config = config.tokens();
    }

    /** A user's access token. */
    public IssuedToken access(UserAccount user) {
        return sign(user.id, user.workspaceId, user.role.name(), Claims.ACCESS, user.name, user.email,
                config.accessLifetime());
    }

    /** A guest's token, scoped to that guest of the workspace (for support-chat's public start, not exposed yet). */
    public IssuedToken guest(UUID guestId, UUID workspaceId, String name) {
        return sign(guestId, workspaceId, Role.VISITOR, Claims.GUEST, name, null, config.guestLifetime());
    }

    private IssuedToken sign(UUID subject, UUID workspaceId, String role, String tokenType, String name, String email,
                             Duration lifetime) {
        var key = keys.active();
        var now = Instant.now();
        var claims = Jwt.issuer(config.issuer())
                .audience(config.audience())
                .subject(subject.toString())
                .groups(role)
                .claim(Claims.WORKSPACE, workspaceId.toString())
                .claim(Claims.TOKEN_TYPE, tokenType)
                .issuedAt(now)
                .expiresAt(now.plus(lifetime));
        if (name != null) {
            claims.claim(Claims.NAME, name);
        }
        if (email != null) {
            claims.claim(Claims.EMAIL, email);
        }
        var token = claims.jws().algorithm(SignatureAlgorithm.RS256).keyId(key.kid()).sign(key.privateKey());
        return new IssuedToken(token, lifetime.toSeconds());
    }
}
