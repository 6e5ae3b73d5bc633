package io.goftgu.security;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * The cache of verified tokens keeps a token only until its expiry or the next fetch of the key set, whichever comes
 * first, and only what it was given; a kept token answers
 * its claims as smallrye-jwt did.
 */
class VerifiedTokensTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-01T08:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    @Test
    void aTokenIsAnsweredUntilItsExpiryAndNotAfter() {
        var tokens = new VerifiedTokens(10, clock);
        var token = expiringIn(Duration.ofMinutes(15));
        tokens.put("a.b.c", token);
        assertSame(token, tokens.get("a.b.c"));
        assertNull(tokens.get("a.b.d"));
        now.set(now.get().plus(Duration.ofMinutes(15)));
        assertNull(tokens.get("a.b.c"), "expired: verified again, by the usual rules");
    }

    @Test
    void aLongLivedTokenIsVerifiedAgainWhenTheKeySetIsRefetched() {
        // a 30-day guest token: kept no longer than a fetched key set is trusted, so a key retired from the JWKS
        // stops counting for it as it does for a token never seen
        var tokens = new VerifiedTokens(10, clock);
        var guest = expiringIn(Duration.ofDays(30));
        tokens.put("guest", guest);
        now.set(now.get().plus(Duration.ofSeconds(59)));
        assertSame(guest, tokens.get("guest"));
        now.set(now.get().plus(Duration.ofSeconds(1)));
        assertNull(tokens.get("guest"), "verified again against the key set of now");
    }

    @Test
    void anExpiredTokenOrOneWithoutExpiryIsNotKept() {
        var tokens = new VerifiedTokens(10, clock);
        tokens.put("old", expiringIn(Duration.ofSeconds(-1)));
        tokens.put("none", new DefaultJWTCallerPrincipal(new JwtClaims()));
        assertNull(tokens.get("old"));
        assertNull(tokens.get("none"));
    }

    @Test
    void aVerifiedTokenAnswersEveryClaimAsSmallryeJwtDid() {
        var claims = new JwtClaims();
        claims.setSubject("9b2f0c62-3a43-4b5e-9d1e-1f1c7a4b0d11");
        claims.setIssuer("goftgu");
        claims.setAudience("goftgu-api");
        claims.setExpirationTime(NumericDate.fromSeconds(now.get().plus(Duration.ofMinutes(5)).getEpochSecond()));
        claims.setStringListClaim("groups", "ADMIN");
        claims.setClaim(Claims.WORKSPACE, "5f0e1d2c-0000-4000-8000-000000000001");
        claims.setClaim(Claims.NAME, "آوا آزادی");
        claims.setClaim(Claims.TOKEN_TYPE, Claims.ACCESS);
        var original = new DefaultJWTCallerPrincipal("a.b.c", "JWT", claims);
        var token = new VerifiedToken(original);
        assertEquals(original.getClaimNames(), token.getClaimNames());
        for (var name : original.getClaimNames()) {
            assertEquals((Object) original.getClaim(name), token.getClaim(name), name);
        }
        assertEquals(original.getName(), token.getName());
        assertEquals(original.getSubject(), token.getSubject());
        assertEquals(Set.of("ADMIN"), token.getGroups());
        assertEquals(original.getExpirationTime(), token.getExpirationTime());
        assertEquals("a.b.c", token.getRawToken());
        assertEquals("5f0e1d2c-0000-4000-8000-000000000001", token.getClaim(Claims.WORKSPACE));
        assertNull(token.getClaim("missing"));
    }

    private DefaultJWTCallerPrincipal expiringIn(Duration left) {
        var claims = new JwtClaims();
        claims.setSubject("someone");
        claims.setExpirationTime(NumericDate.fromSeconds(now.get().plus(left).getEpochSecond()));
        return new DefaultJWTCallerPrincipal(claims);
    }
}
