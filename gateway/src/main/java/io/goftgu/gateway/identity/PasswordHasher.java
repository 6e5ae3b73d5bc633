package io.goftgu.gateway.identity;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import io.goftgu.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * Argon2id password hashes as PHC strings ({@code $argon2id$v=19$m=...,t=...,p=...$salt$hash}), so a hash made
 * with older parameters still verifies and can be upgraded at the next login.
 */
@ApplicationScoped
public class PasswordHasher {

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    private final Argon2Function function;
    private final String parameters;
    /** Verified against when the account does not exist, so that an unknown e-mail costs the same time. */
    private final String dummyHash;

    PasswordHasher(GatewayConfig config) {
        var passwords = config.passwords();
        function = Argon2Function.getInstance(passwords.memoryKib(), passwords.iterations(), passwords.parallelism(),
                HASH_BYTES, Argon2.ID);
        parameters = "m=" + passwords.memoryKib() + ",t=" + passwords.iterations() + ",p=" + passwords.parallelism();
        dummyHash = hash(UUID.randomUUID().toString());
    }

    public String hash(String password) {
        return Password.hash(password).addRandomSalt(SALT_BYTES).with(function).getResult();
    }

    /** Whether {@code password} matches {@code hash}; a null hash (no such account) spends the same time and fails. */
    public boolean verify(String password, String hash) {
        if (hash == null) {
            Password.check(password, dummyHash).with(function);
            return false;
        }
        try {
            return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Whether {@code hash} was made with other parameters than the configured ones. */
    public boolean isOutdated(String hash) {
        return !hash.startsWith("$argon2id$v=19$" + parameters + "$");
    }
}
