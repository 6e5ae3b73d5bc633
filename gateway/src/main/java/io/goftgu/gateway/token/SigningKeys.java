package io.goftgu.gateway.token;

import io.goftgu.gateway.config.GatewayConfig;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.jose4j.jwk.RsaJsonWebKey;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The gateway's RS256 keys, held in its database and cached here. At start the first replica to take the advisory
 * lock creates a key if there is none, so replicas starting together agree on one key. Other replicas' changes (a
 * rotation) are picked up every minute, and at once when a token names a kid this replica has not seen.
 */
@ApplicationScoped
public class SigningKeys {
    // rotation: see rotateIfDue

    /** Advisory lock key for key creation (each service has its own database; the outbox uses ...0001). */
    private static final long LOCK_KEY = 0x676f667467750002L;
    /** Unknown kids reload from the database at most this often, so forged kids cannot hammer it. */
    private static final long UNKNOWN_KID_RELOAD_NANOS = 5_000_000_000L;

    /** The key that signs new tokens. */
    public record ActiveKey(String kid, PrivateKey privateKey) {
    }

    private record Snapshot(ActiveKey active, Map<String, RSAPublicKey> published) {
    }

    private final EntityManager entityManager;
    private final GatewayConfig.Tokens tokens;
    private volatile Snapshot snapshot;
    private final AtomicLong lastReload = new AtomicLong(System.nanoTime() - UNKNOWN_KID_RELOAD_NANOS);

    SigningKeys(EntityManager entityManager, GatewayConfig config) {
        this.entityManager = entityManager;
        this.tokens = config.tokens();
    }

    void onStart(@Observes StartupEvent event) {
        QuarkusTransaction.requiringNew().run(this::createKeyIfNone);
        rotateIfDue();
        reload();
    }

    /**
     * Rotation (docs/security.md, "Signing keys"): when the active key is older than {@code signing-key-max-age}
     * (GOFTGU_SIGNING_KEY_MAX_AGE, 30 days; set it short and restart, or wait for the hourly check, to rotate now), a new
     * key signs from then on. The old one stays in the JWKS, so the tokens it signed verify until they expire, and is
     * retired once the longest token lifetime (guest tokens) has passed since it stopped signing. Checked at start
     * and hourly; replicas agree through an advisory lock.
     */
    @Scheduled(every = "1h", delayed = "1h", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void rotateIfDue() {
        try {
            boolean changed = QuarkusTransaction.requiringNew().call(() -> {
                lock();
                var active = SigningKey.<SigningKey>find("active", true).firstResult();
                boolean rotated = false;
                if (active != null && active.createdAt.plus(tokens.signingKeyMaxAge()).isBefore(Instant.now())) {
                    rotateLocked(active);
                    rotated = true;
                }
                return retireLocked() > 0 || rotated;
            });
            if (changed && snapshot != null) {
                reload();
            }
        } catch (RuntimeException e) {
            Log.warnf("signing key rotation check failed: %s", e.getMessage());
        }
    }

    /** Rotates now: a new key signs, the old one keeps verifying until its tokens have expired. Returns the new kid. */
    public String rotate() {
        var kid = QuarkusTransaction.requiringNew().call(() -> {
            lock();
            return rotateLocked(SigningKey.<SigningKey>find("active", true).firstResult());
        });
        reload();
        return kid;
    }

    private String rotateLocked(SigningKey active) {
        if (active != null) {
            active.active = false;
            // the unique "one active key" index is checked at once: the old key steps down before the new one steps in
            entityManager.flush();
        }
        var key = generate();
        key.persist();
        Log.infof("rotated signing keys: %s signs from now on%s", key.kid,
                active == null ? "" : ", " + active.kid + " verifies until its tokens expire");
        return key.kid;
    }

    /** Keys that stopped signing longer ago than the longest token lifetime verify nothing any more: unpublish them. */
    private int retireLocked() {
        var newest = SigningKey.<SigningKey>find("active", true).firstResult();
        if (newest == null) {
            return 0;
        }
        var longest = java.util.stream.Stream.of(tokens.accessLifetime(), tokens.guestLifetime())
                .max(java.time.Duration::compareTo).orElseThrow().plus(tokens.clockSkew());
        if (newest.createdAt.plus(longest).isAfter(Instant.now())) {
            return 0;
        }
        return SigningKey.update("retiredAt = ?1 where active = false and retiredAt is null", Instant.now());
    }

    private void lock() {
        entityManager.createNativeQuery("SELECT CAST(pg_advisory_xact_lock(?1) AS text)")
                .setParameter(1, LOCK_KEY)
                .getSingleResult();
    }

    public ActiveKey active() {
        return snapshot.active();
    }

    /** Public keys that verify tokens (the active one and recently rotated ones), by kid. */
    public Map<String, RSAPublicKey> published() {
        return snapshot.published();
    }

    /** The public key of {@code kid}, reloading once from the database when the kid is new to this replica. */
    public Optional<RSAPublicKey> publicKey(String kid) {
        var key = snapshot.published().get(kid);
        if (key == null && kid != null) {
            var last = lastReload.get();
            if (System.nanoTime() - last > UNKNOWN_KID_RELOAD_NANOS && lastReload.compareAndSet(last, System.nanoTime())) {
                reload();
                key = snapshot.published().get(kid);
            }
        }
        return Optional.ofNullable(key);
    }

    @Scheduled(every = "60s", delayed = "60s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            reload();
        } catch (RuntimeException e) {
            Log.warnf("could not reload signing keys, keeping the cached ones: %s", e.getMessage());
        }
    }

    private void reload() {
        snapshot = QuarkusTransaction.requiringNew().call(() -> {
            ActiveKey active = null;
            var published = new LinkedHashMap<String, RSAPublicKey>();
            for (SigningKey key : SigningKey.<SigningKey>list("retiredAt is null order by createdAt desc")) {
                published.put(key.kid, decodePublic(key.publicKey));
                if (key.active) {
                    active = new ActiveKey(key.kid, decodePrivate(key.privateKey));
                }
            }
            if (active == null) {
                throw new IllegalStateException("no active signing key in the database");
            }
            return new Snapshot(active, Map.copyOf(published));
        });
    }

    private void createKeyIfNone() {
        // held until this transaction ends: a replica starting at the same moment waits, then sees our key
        entityManager.createNativeQuery("SELECT CAST(pg_advisory_xact_lock(?1) AS text)")
                .setParameter(1, LOCK_KEY)
                .getSingleResult();
        if (SigningKey.count("active", true) > 0) {
            return;
        }
        var key = generate();
        key.persist();
        Log.infof("created signing key %s", key.kid);
    }

    static SigningKey generate() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var pair = generator.generateKeyPair();
            var key = new SigningKey();
            // RFC 7638 thumbprint: the kid names the key itself, so two keys never share one
            key.kid = new RsaJsonWebKey((RSAPublicKey) pair.getPublic()).calculateBase64urlEncodedThumbprint("SHA-256");
            key.privateKey = Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
            key.publicKey = Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
            key.createdAt = Instant.now();
            key.active = true;
            return key;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not generate an RSA signing key", e);
        }
    }

    private static RSAPublicKey decodePublic(String base64) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored public key cannot be read", e);
        }
    }

    private static PrivateKey decodePrivate(String base64) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored private key cannot be read", e);
        }
    }
}
