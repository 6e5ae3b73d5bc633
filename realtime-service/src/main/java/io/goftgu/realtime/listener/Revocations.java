package io.goftgu.realtime.listener;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Users whose role changed or who were deactivated, and when (from identity.events). A token issued before that moment
 * may no longer open a socket: it still names the old role (or an account that is gone) until it expires, so the
 * client must refresh (which issues a token with the new role) or is refused. Remembered for longer than an access
 * token lives (15 min), then forgotten: a token older than that has expired anyway.
 */
@ApplicationScoped
public class Revocations {

    private static final long MEMORY_MILLIS = TimeUnit.MINUTES.toMillis(30);

    private final ConcurrentHashMap<UUID, Long> changedAtMillis = new ConcurrentHashMap<>();

    void changed(UUID userId, long atMillis) {
        changedAtMillis.merge(userId, atMillis, Math::max);
    }

    /** Whether a token of {@code userId} issued at {@code issuedAtSeconds} predates a change of their access. */
    public boolean revoked(UUID userId, long issuedAtSeconds) {
        var at = changedAtMillis.get(userId);
        return at != null && issuedAtSeconds < at / 1000;
    }

    @Scheduled(every = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetOld() {
        var horizon = System.currentTimeMillis() - MEMORY_MILLIS;
        changedAtMillis.values().removeIf(at -> at < horizon);
    }
}
