package io.goftgu.realtime.signals;

import io.goftgu.events.Audience;
import io.goftgu.events.EventTypes;
import io.goftgu.realtime.domain.ConnectedPrincipal;
import io.goftgu.security.Role;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Staff presence: online while the user holds a socket here, offline with a last-seen time when the last one
 * closes, or what they chose with {@code presence:set} (available, busy, away). Announced to the workspace's staff
 * on {@code realtime.signals}; internal-chat-service keeps it for contacts. Counting across replicas (a user online
 * while any replica holds a socket, heartbeats for replicas that die) is the scale-out work still to come: today
 * each replica announces what its own sockets say.
 */
@ApplicationScoped
public class Presence {

    public static final Set<String> CHOICES = Set.of("available", "busy", "away");

    private record State(int sockets, String status) {
    }

    private final SignalPublisher signals;
    private final Map<UUID, State> byUser = new ConcurrentHashMap<>();

    Presence(SignalPublisher signals) {
        this.signals = signals;
    }

    public void opened(ConnectedPrincipal who) {
        if (who.role() != Role.ADMIN) {
            return;
        }
        var state = byUser.merge(who.id(), new State(1, "online"),
                (old, one) -> new State(old.sockets() + 1, old.status()));
        if (state.sockets() == 1) {
            announce(who, state.status(), null);
        }
    }

    /** Returns true when this was the user's last socket here. */
    public boolean closed(ConnectedPrincipal who) {
        if (who.role() != Role.ADMIN) {
            return false;
        }
        var state = byUser.computeIfPresent(who.id(),
                (id, old) -> old.sockets() <= 1 ? null : new State(old.sockets() - 1, old.status()));
        if (state == null) {
            announce(who, "offline", Instant.now().truncatedTo(ChronoUnit.MILLIS));
            return true;
        }
        return false;
    }

    /** {@code choice} is one of {@link #CHOICES}; "available" is shown as online. */
    public void choose(ConnectedPrincipal who, String choice) {
        var status = "available".equals(choice) ? "online" : choice;
        byUser.computeIfPresent(who.id(), (id, old) -> new State(old.sockets(), status));
        announce(who, status, null);
    }

    private void announce(ConnectedPrincipal who, String status, Instant lastSeenAt) {
        var payload = new LinkedHashMap<String, Object>();
        payload.put("userId", who.id());
        payload.put("status", status);
        payload.put("lastSeenAt", lastSeenAt);
        signals.publish(EventTypes.Realtime.PRESENCE_CHANGED, who.workspaceId(), who.id(), who.id(),
                Audience.role(Role.STAFF), payload);
    }
}
