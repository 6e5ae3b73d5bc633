package io.goftgu.gateway.notify;

import io.goftgu.gateway.config.GatewayConfig;
import io.goftgu.gateway.token.SigningKeys;
import io.goftgu.security.Claims;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.lang.UnresolvableKeyException;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The signed token of an unsubscribe link: an RS256 JWT by the gateway's own signing keys ({@link SigningKeys}, the
 * same as its access tokens), naming the user, their workspace and the kind of mail. Its audience is not the one
 * services accept and it has no roles, so it opens nothing but this one switch. It works as long as its key is
 * published ({@link NotifyConfig#unsubscribeLifetime()}, at most the guest token lifetime).
 */
@ApplicationScoped
public class UnsubscribeTokens {

    /** What a valid token says. */
    public record Unsubscribe(UUID userId, UUID workspaceId, NotifyKind kind) {
    }

    private static final String TOKEN_TYPE = "unsubscribe";
    private static final String KIND = "kind";

    private final SigningKeys keys;
    private final NotifyConfig config;
    private final String issuer;
    private final String audience;
    private final JwtConsumer consumer;

    UnsubscribeTokens(SigningKeys keys, NotifyConfig config, GatewayConfig gateway) {
        this.keys = keys;
        this.config = config;
        this.issuer = gateway.tokens().issuer();
        this.audience = gateway.tokens().audience() + ":unsubscribe";
        this.consumer = new JwtConsumerBuilder()
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.RSA_USING_SHA256)
                .setVerificationKeyResolver((jws, nested) -> keys.publicKey(jws.getKeyIdHeaderValue())
                        .orElseThrow(() -> new UnresolvableKeyException("unknown signing key")))
                .setExpectedIssuer(issuer)
                .setExpectedAudience(audience)
                .setRequireExpirationTime()
                .setRequireSubject()
                .build();
    }

    public String sign(UUID userId, UUID workspaceId, NotifyKind kind) {
        var key = keys.active();
        var now = Instant.now();
        return Jwt.issuer(issuer)
                .audience(audience)
                .subject(userId.toString())
                .claim(Claims.WORKSPACE, workspaceId.toString())
                .claim(Claims.TOKEN_TYPE, TOKEN_TYPE)
                .claim(KIND, kind.field())
                .issuedAt(now)
                .expiresAt(now.plus(config.unsubscribeLifetime()))
                .jws().algorithm(SignatureAlgorithm.RS256).keyId(key.kid()).sign(key.privateKey());
    }

    /** What {@code token} says, or empty when it is not one of ours, was changed, or has expired. */
    public Optional<Unsubscribe> verify(String token) {
        if (token == null || token.isBlank() || token.length() > 4096) {
            return Optional.empty();
        }
        try {
            var claims = consumer.processToClaims(token);
            if (!TOKEN_TYPE.equals(claims.getClaimValueAsString(Claims.TOKEN_TYPE))) {
                return Optional.empty();
            }
            return Optional.of(new Unsubscribe(UUID.fromString(claims.getSubject()),
                    UUID.fromString(claims.getClaimValueAsString(Claims.WORKSPACE)),
                    NotifyKind.ofField(claims.getClaimValueAsString(KIND))));
        } catch (InvalidJwtException | MalformedClaimException | IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
