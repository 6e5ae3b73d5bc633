package io.goftgu.security;

import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A verified token with its claims read once, when it was verified. smallrye-jwt looks up a claim that is not one of
 * the standard names ({@code wid}, {@code name}, …) by way of a thrown and caught exception, on every read, and every
 * request reads them (docs/benchmarks.md, "Sixth round"); from here each read is a map lookup. The values are the
 * ones smallrye-jwt answered, so every reader sees the same types as before.
 */
final class VerifiedToken implements JsonWebToken {

    private final String name;
    private final Map<String, Object> claims;
    private final long expirationTime;

    VerifiedToken(JsonWebToken token) {
        var read = new HashMap<String, Object>();
        for (var claim : token.getClaimNames()) {
            var value = token.getClaim(claim);
            if (value != null) {
                read.put(claim, value);
            }
        }
        this.name = token.getName();
        this.claims = Map.copyOf(read);
        this.expirationTime = token.getExpirationTime();
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public Set<String> getClaimNames() {
        return claims.keySet();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String claimName) {
        return (T) claims.get(claimName);
    }

    @Override
    public long getExpirationTime() {
        return expirationTime;
    }

    @Override
    public String toString() {
        return "VerifiedToken[" + name + "]";
    }
}
