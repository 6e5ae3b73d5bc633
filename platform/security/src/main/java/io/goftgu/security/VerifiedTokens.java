package io.goftgu.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * Tokens whose signature and claims smallrye-jwt has verified, by their exact text, until their {@code exp}: a client
 * sends the same token with every request for its whole life, and checking an RS256 signature each time was about a
 * tenth of a service's CPU per request (docs/benchmarks.md, "Issue 12: CPU per message"). Only a token that passed
 * verification is kept, and only until it expires (smallrye-jwt's clock skew is not granted from here: once past its
 * {@code exp} a token is verified again, and refused by the usual rules). Revocation is not cached: deactivation and
 * role changes are checked against the identity projection on every request, after this ({@link TokenRevocation}).
 * Bounded ({@code goftgu.security.verified-tokens}, 0 turns it off); Caffeine evicts the least useful entries first.
 */
@ApplicationScoped
public class VerifiedTokens {

    private final Cache<String, JsonWebToken> verified;
    private final Clock clock;

    @Inject
    VerifiedTokens(@ConfigProperty(name = "goftgu.security.verified-tokens", defaultValue = "4096") long maximum) {
        this(maximum, Clock.systemUTC());
    }

    VerifiedTokens(long maximum, Clock clock) {
        this.clock = clock;
        this.verified = Caffeine.newBuilder().maximumSize(maximum).expireAfter(new UntilExpiry()).build();
    }

    /** The verified token with exactly this text, or null when it was not verified here or has expired since. */
    public JsonWebToken get(String token) {
        var found = verified.getIfPresent(token);
        return found == null || secondsLeft(found) <= 0 ? null : found;
    }

    /** Keeps a token smallrye-jwt has just verified (one without an expiry is not kept). */
    public void put(String token, JsonWebToken verifiedToken) {
        if (secondsLeft(verifiedToken) > 0) {
            verified.put(token, verifiedToken);
        }
    }

    private long secondsLeft(JsonWebToken token) {
        return token.getExpirationTime() - clock.millis() / 1000;
    }

    private final class UntilExpiry implements Expiry<String, JsonWebToken> {

        @Override
        public long expireAfterCreate(String key, JsonWebToken token, long currentTime) {
            return TimeUnit.SECONDS.toNanos(Math.max(0, secondsLeft(token)));
        }

        @Override
        public long expireAfterUpdate(String key, JsonWebToken token, long currentTime, long currentDuration) {
            return expireAfterCreate(key, token, currentTime);
        }

        @Override
        public long expireAfterRead(String key, JsonWebToken token, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
