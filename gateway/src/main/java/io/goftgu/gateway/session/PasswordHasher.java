package io.goftgu.gateway.session;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import io.goftgu.gateway.config.GatewayConfig;
import io.goftgu.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Argon2id password hashes as PHC strings ({@code $argon2id$v=19$m=...,t=...,p=...$salt$hash}), so a hash made
 * with older parameters still verifies and can be upgraded at the next login.
 * <p>
 * Each hash holds {@code memory-kib} (19 MiB) of heap while it runs, so hashes are bounded: at most
 * {@code max-concurrent} run at once (a fair semaphore; by default a quarter of the heap's worth, at most twice the
 * processors), one waits at most {@code max-wait} for its turn and otherwise ends in 429 with Retry-After. A flood of
 * logins can then slow logins down, never exhaust the heap (docs/security.md, "Password hashing").
 */
@ApplicationScoped
public class PasswordHasher {

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final long CREATE_WAIT_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final Argon2Function function;
    private final String parameters;
    /** Verified against when the account does not exist, so that an unknown e-mail costs the same time. */
    private final String dummyHash;
    private final Semaphore permits;
    private final int maxConcurrent;
    private final long maxWaitNanos;

    PasswordHasher(GatewayConfig config) {
        var passwords = config.passwords();
        long perHash = passwords.memoryKib() * 1024L;
        int byHeap = (int) Math.max(1, Runtime.getRuntime().maxMemory() / 4 / perHash);
        maxConcurrent = passwords.maxConcurrent()
                .orElse(Math.max(1, Math.min(byHeap, 2 * Runtime.getRuntime().availableProcessors())));
        permits = new Semaphore(maxConcurrent, true);
        maxWaitNanos = passwords.maxWait().toNanos();
        function = Argon2Function.getInstance(passwords.memoryKib(), passwords.iterations(), passwords.parallelism(),
                HASH_BYTES, Argon2.ID);
        parameters = "m=" + passwords.memoryKib() + ",t=" + passwords.iterations() + ",p=" + passwords.parallelism();
        dummyHash = Password.hash(UUID.randomUUID().toString()).addRandomSalt(SALT_BYTES).with(function).getResult();
    }

    /**
     * Hashes a new password. Creating users and signing up (rate-limited per address) are not floods: they wait up to
     * {@link #CREATE_WAIT_NANOS} for a turn, so 20 users created at once all succeed on a busy machine.
     */
    public String hash(String password) {
        acquire(Math.max(maxWaitNanos, CREATE_WAIT_NANOS));
        try {
            return Password.hash(password).addRandomSalt(SALT_BYTES).with(function).getResult();
        } finally {
            permits.release();
        }
    }

    public int maxConcurrent() {
        return maxConcurrent;
    }

    private void acquire(long waitNanos) {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw Problems.tooManyRequests("the server is busy checking passwords; try again in a moment", 1);
        }
    }

    /** Whether {@code password} matches {@code hash}; a null hash (no such account) spends the same time and fails. */
    public boolean verify(String password, String hash) {
        acquire(maxWaitNanos);
        try {
            if (hash == null) {
                Password.check(password, dummyHash).with(function);
                return false;
            }
            try {
                return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
            } catch (RuntimeException e) {
                return false;
            }
        } finally {
            permits.release();
        }
    }

    /** Whether {@code hash} was made with other parameters than the configured ones. */
    public boolean isOutdated(String hash) {
        return !hash.startsWith("$argon2id$v=19$" + parameters + "$");
    }
}
