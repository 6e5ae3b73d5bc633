package io.goftgu.realtime.listener;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which tokens a role change or deactivation revokes; plain JUnit, the rule is arithmetic on issue times. */
class RevocationsTest {

    private final Revocations revocations = new Revocations();
    private final UUID user = UUID.randomUUID();

    @Test
    void aTokenOfTheChangesOwnSecondCountsAsBeforeIt() {
        // demoted at 1,000,005.900 s: a token with iat 1,000,005 may have been issued at .100, before the change
        revocations.changed(user, "USER", true, 1_000_005_900L);
        assertTrue(revocations.revoked(user, "ADMIN", 1_000_005));
        assertTrue(revocations.revoked(user, "ADMIN", 1_000_004));
        assertFalse(revocations.revoked(user, "ADMIN", 1_000_006), "issued after the change");
        assertFalse(revocations.revoked(user, "USER", 1_000_005), "it already names the new role");
    }

    @Test
    void deactivationRevokesEveryEarlierTokenAndOthersAreUntouched() {
        revocations.changed(user, null, false, 2_000_000_000L);
        assertTrue(revocations.revoked(user, "ADMIN", 2_000_000));
        assertTrue(revocations.revoked(user, "USER", 1_999_999));
        assertFalse(revocations.revoked(UUID.randomUUID(), "ADMIN", 1_999_999), "another user");
    }
}
