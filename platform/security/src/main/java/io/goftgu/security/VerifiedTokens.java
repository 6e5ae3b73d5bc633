package io.goftgu.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Tokens whose signature and claims smallrye-jwt has verified, by their exact text: a client sends the same token with
 * every request for its whole life, and checking an RS256 signature each time was about a tenth of a service's CPU
 * per request (docs/benchmarks.md, "Issue 12: CPU per message"). Only a token that passed verification is kept, until
 * it expires (smallrye-jwt's clock skew is not granted from here: once past its {@code exp} a token is verified again,
 * and refused by the usual rules) and never longer than {@link #KEY_SET_MAX_AGE}, the life of a fetched key set: a key
 * the gateway retired stops counting for a cached token when it stops counting for a new one, not when a 30-day guest
 * token expires (docs/security.md, "Signing keys"). Revocation is not cached: deactivation and role
 * changes are checked against the identity projection on every request, after this ({@link TokenRevocation}).
 * Bounded ({@code goftgu.security.verified-tokens}, 0 turns it off); Caffeine evicts the least useful entries first.
 */
@ApplicationScoped
public class VerifiedTokens {

    /**
     * How long a fetched set of signing keys is trusted before it is read again, and so the longest a token verified
     * with it is kept here: the gateway's JWKS says it as its {@code max-age}, which smallrye-jwt follows.
     */
    public static final Duration KEY_SET_MAX_AGE = Duration.ofMinutes(1);

    private final Cache<String, Kept> verified;
    private final Clock clock;

    @Inject
    VerifiedTokens(@ConfigProperty(name = "goftgu.security.verified-tokens", defaultValue = "4096") long maximum) {
        this(maximum, Clock.systemUTC());
    }

    VerifiedTokens(long maximum, Clock clock) {
        this.clock = clock;
        this.verified = Caffeine.newBuilder().maximumSize(maximum).expireAfter(new UntilDue()).build();
    }

    /** The verified token with exactly this text, or null when it was not verified here or is due again since. */
    public JsonWebToken get(String token) {
        var found = verified.getIfPresent(token);
        return found == null || found.secondsLeft(now()) <= 0 ? null : found.token();
    }

    /** Keeps a token smallrye-jwt has just verified (one without an expiry is not kept). */
    public void put(String token, JsonWebToken verifiedToken) {
        var now = now();
        var kept = new Kept(verifiedToken, Math.min(verifiedToken.getExpirationTime(), now + KEY_SET_MAX_AGE.toSeconds()));
        if (kept.secondsLeft(now) > 0) {
            verified.put(token, kept);
        }
    }

    private long now() {
        return clock.millis() / 1000;
    }

    /** A verified token and the second (epoch) from which it must be verified again. */
    private record Kept(JsonWebToken token, long dueSecond) {
        long secondsLeft(long now) {
            return dueSecond - now;
        }
    }

    private final class UntilDue implements Expiry<String, Kept> {

        @Override
        public long expireAfterCreate(String key, Kept kept, long currentTime) {
            return TimeUnit.SECONDS.toNanos(Math.max(0, kept.secondsLeft(now())));
        }

        @Override
        public long expireAfterUpdate(String key, Kept kept, long currentTime, long currentDuration) {
            return expireAfterCreate(key, kept, currentTime);
        }

        @Override
        public long expireAfterRead(String key, Kept kept, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
