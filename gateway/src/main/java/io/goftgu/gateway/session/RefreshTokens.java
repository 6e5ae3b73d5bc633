package io.goftgu.gateway.session;

import io.goftgu.gateway.config.GatewayConfig;
import io.goftgu.gateway.domain.UserAccount;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * Refresh tokens: 256 random bits, stored as SHA-256 only, rotated on every use. Presenting a token that was already
 * rotated away means it was copied: the whole family (that login's session) is revoked.
 */
@ApplicationScoped
public class RefreshTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Spent and expired rows are kept this long (reuse detection, audits), then deleted. */
    private static final Duration KEEP_SPENT = Duration.ofDays(7);

    /** The outcome of presenting a refresh token. */
    public sealed interface Rotation {
        /** The token was valid: it is now spent and {@code next} replaces it. */
        record Rotated(UserAccount user, String next) implements Rotation {
        }

        /** Unknown, expired, reused (family now revoked), or its user was deactivated. */
        record Refused(String reason) implements Rotation {
        }
    }

    private final Duration lifetime;

    RefreshTokens(GatewayConfig config) {
        this.lifetime = config.tokens().refreshLifetime();
    }

    /** Starts a new family for a login and returns its first token. Needs a transaction. */
    public String start(UserAccount user) {
        return add(user, UUID.randomUUID());
    }

    /** Spends {@code raw} and issues its successor, in its own transaction so a reuse revocation always commits. */
    public Rotation rotate(String raw) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var token = locked(raw);
            if (token.isEmpty()) {
                return new Rotation.Refused("unknown refresh token");
            }
            var current = token.get();
            var now = Instant.now();
            if (current.revokedAt != null) {
                // a spent token of a live session was copied: end that session; after a logout it is just stale
                if (revokeFamily(current.familyId, now) > 0) {
                    Log.warnf("refresh token reuse in family %s of user %s: session revoked", current.familyId,
                            current.userId);
                }
                return new Rotation.Refused("refresh token reused");
            }
            if (!current.expiresAt.isAfter(now)) {
                return new Rotation.Refused("refresh token expired");
            }
            UserAccount user = UserAccount.findById(current.userId);
            if (user == null || !user.active) {
                revokeFamily(current.familyId, now);
                return new Rotation.Refused("user deactivated");
            }
            current.revokedAt = now;
            return new Rotation.Rotated(user, add(user, current.familyId));
        });
    }

    /** Revokes the session (family) {@code raw} belongs to; unknown tokens are ignored. */
    public void revokeSession(String raw) {
        QuarkusTransaction.requiringNew().run(() -> locked(raw)
                .ifPresent(token -> revokeFamily(token.familyId, Instant.now())));
    }

    /** Ends every session of a user (deactivation). Needs a transaction. */
    public void revokeAll(UUID userId) {
        RefreshToken.update("revokedAt = ?1 where userId = ?2 and revokedAt is null", Instant.now(), userId);
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deleteOld() {
        var cutoff = Instant.now().minus(KEEP_SPENT);
        var deleted = QuarkusTransaction.requiringNew().call(() -> RefreshToken.delete("expiresAt < ?1", cutoff));
        if (deleted > 0) {
            Log.debugf("deleted %d old refresh tokens", deleted);
        }
    }

    private String add(UserAccount user, UUID familyId) {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        var raw = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var token = new RefreshToken();
        token.id = UUID.randomUUID();
        token.familyId = familyId;
        token.userId = user.id;
        token.workspaceId = user.workspaceId;
        token.tokenHash = hash(raw);
        token.createdAt = Instant.now();
        token.expiresAt = token.createdAt.plus(lifetime);
        token.persist();
        return raw;
    }

    private static Optional<RefreshToken> locked(String raw) {
        if (raw == null || raw.isBlank() || raw.length() > 200) {
            return Optional.empty();
        }
        return RefreshToken.find("tokenHash", hash(raw)).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    private static int revokeFamily(UUID familyId, Instant now) {
        return RefreshToken.update("revokedAt = ?1 where familyId = ?2 and revokedAt is null", now, familyId);
    }

    static String hash(String raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
