package io.goftgu.gateway.token;

import io.goftgu.gateway.config.GatewayConfig;
import io.goftgu.security.Claims;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.lang.UnresolvableKeyException;

import java.util.Set;

/**
 * Verifies tokens on the gateway's own endpoints against the keys in its database. Services verify the same tokens
 * against the published JWKS; the issuer does not fetch its own JWKS over HTTP, so this replaces smallrye-jwt's
 * default factory (and thereby the {@code mp.jwt.verify.*} key settings) with the same checks: RS256 only, known
 * {@code kid}, issuer, audience, expiry, and Goftgu's required claims.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class GatewayTokenVerifier extends JWTCallerPrincipalFactory {

    private static final Set<String> TOKEN_TYPES = Set.of(Claims.ACCESS, Claims.GUEST);

    private final JwtConsumer consumer;

    GatewayTokenVerifier(SigningKeys keys, GatewayConfig config) {
        var tokens = config.tokens();
        consumer = new JwtConsumerBuilder()
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.RSA_USING_SHA256)
                .setVerificationKeyResolver((jws, nested) -> keys.publicKey(jws.getKeyIdHeaderValue())
                        .orElseThrow(() -> new UnresolvableKeyException("unknown signing key")))
                .setExpectedIssuer(tokens.issuer())
                .setExpectedAudience(tokens.audience())
                .setRequireExpirationTime()
                .setRequireSubject()
                .setAllowedClockSkewInSeconds((int) tokens.clockSkew().toSeconds())
                .build();
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo ignored) throws ParseException {
        try {
            var claims = consumer.processToClaims(token);
            if (!TOKEN_TYPES.contains(claims.getClaimValueAsString(Claims.TOKEN_TYPE))
                    || claims.getClaimValueAsString(Claims.WORKSPACE) == null
                    || !claims.isClaimValueStringList("groups")
                    || claims.getStringListClaimValue("groups").isEmpty()) {
                throw new ParseException("the token lacks Goftgu's claims");
            }
            return new DefaultJWTCallerPrincipal(token, "JWT", claims);
        } catch (InvalidJwtException | MalformedClaimException e) {
            throw new ParseException("invalid token", e);
        }
    }
}
