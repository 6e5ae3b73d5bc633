package io.goftgu.realtime.listener;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Users whose role changed or who were deactivated, and when (from identity.events). A token issued before that moment
 * may no longer open a socket: it still names the old role (or an account that is gone) until it expires, so the
 * client must refresh (which issues a token with the new role) or is refused. Remembered for longer than an access
 * token lives (15 min), then forgotten: a token older than that has expired anyway. A replica that starts reads the
 * changes of that last half hour before it is ready, so a restart forgets none.
 */
@ApplicationScoped
public class Revocations {

    /** How long a change is remembered; a replica that starts reads identity.events this far back (DomainEventConsumer). */
    static final Duration MEMORY = Duration.ofMinutes(30);

    /** The latest role and state identity.events announced for a user, and when. */
    private record Change(String role, boolean active, long atMillis) {
    }

    private final ConcurrentHashMap<UUID, Change> changes = new ConcurrentHashMap<>();
    /**
     * Guests staff blocked ({@code support-chat.guest.blocked}) since this replica started, until unblocked. Not read
     * back at a start: support-chat refuses a blocked guest's token and leaves it out of every event, so a socket
     * a restarted replica lets it open hears no event (docs/security.md, "Known gaps").
     */
    private final java.util.Set<UUID> blockedGuests = ConcurrentHashMap.newKeySet();

    void guestBlocked(UUID guestId, boolean blocked) {
        if (blocked) {
            blockedGuests.add(guestId);
        } else {
            blockedGuests.remove(guestId);
        }
    }

    /** Whether staff blocked this guest: its token may not open a socket. */
    public boolean blocked(UUID guestId) {
        return blockedGuests.contains(guestId);
    }

    /**
     * identity.events said the user now has {@code role} ({@code null}: unchanged) and is (not) active. Every replica
     * records it, whether or not it holds the user's sockets now: the next upgrade may come to any replica.
     */
    void changed(UUID userId, String role, boolean active, long atMillis) {
        changes.merge(userId, new Change(role, active, atMillis), (old, now) -> now.atMillis() >= old.atMillis()
                ? new Change(now.role() == null ? old.role() : now.role(), now.active(), now.atMillis()) : old);
    }

    /**
     * Whether a token of {@code userId} naming {@code tokenRole}, issued at {@code issuedAtSeconds}, predates a
     * deactivation, or a change to another role than the one it names.
     */
    public boolean revoked(UUID userId, String tokenRole, long issuedAtSeconds) {
        var change = changes.get(userId);
        // iat has whole seconds: a token of the change's own second may predate it, so it counts as before
        if (change == null || issuedAtSeconds > change.atMillis() / 1000) {
            return false;
        }
        return !change.active() || (change.role() != null && !change.role().equals(tokenRole));
    }

    @Scheduled(every = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetOld() {
        var horizon = System.currentTimeMillis() - MEMORY.toMillis();
        changes.values().removeIf(change -> change.atMillis() < horizon);
    }
}
