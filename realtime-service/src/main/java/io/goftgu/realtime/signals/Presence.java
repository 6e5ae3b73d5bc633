package io.goftgu.realtime.signals;

import com.fasterxml.jackson.databind.JsonNode;
import io.goftgu.events.Actor;
import io.goftgu.events.Audience;
import io.goftgu.events.EventEnvelope;
import io.goftgu.events.EventJson;
import io.goftgu.events.EventTypes;
import io.goftgu.realtime.config.RealtimeConfig;
import io.goftgu.realtime.domain.ConnectedPrincipal;
import io.goftgu.realtime.signals.PresenceDirectory.Entry;
import io.goftgu.realtime.signals.PresenceDirectory.Key;
import io.goftgu.security.Role;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Staff presence across replicas. A user is online while any replica holds a socket of theirs, offline (with a
 * last-seen time) once none does, or what they chose with {@code presence:set} (available, busy, away) on any tab.
 *
 * <p>Each replica reports what it holds on {@code realtime.signals}: a change at once, and every
 * {@code heartbeat-interval} its whole holding per workspace plus a heartbeat. Every replica builds the same
 * {@link PresenceDirectory} from those reports (its own included, as they come back from Kafka); a replica whose
 * heartbeats stop for {@code replica-timeout} is dropped with its users, unless this replica's own heartbeats stopped
 * coming back too (then Kafka is away, and nobody is dropped for the silence). One replica, the live one with the lowest
 * id, turns the directory into {@code realtime.presence.changed} announcements, comparing it with what was
 * announced last, so every change is announced once however many replicas saw it, and a leader that dies is
 * replaced by the next without losing a change. The announcements reach staff sockets (batched) and the services
 * that keep presence (internal-chat for contacts, support-chat for auto-assignment).
 */
@ApplicationScoped
public class Presence {

    public static final Set<String> CHOICES = Set.of("available", "busy", "away");
    private static final String ONLINE = "online";
    private static final String OFFLINE = "offline";
    /** Heartbeats are about the replica, not a workspace; the envelope needs one, so this stands for none. */
    static final UUID NO_WORKSPACE = new UUID(0, 0);

    /** This replica's sockets of one staff user. */
    private record Held(UUID workspaceId, int sockets, Entry entry) {
    }

    private final SignalPublisher signals;
    private final UUID replicaId = UUID.randomUUID();
    /** Since when this replica's own heartbeats come back (-1: they do not): what it hears is complete after a timeout. */
    private long hearingSinceNanos = -1;
    private final long replicaTimeoutNanos;
    private final PresenceDirectory directory;
    private final Map<UUID, Held> held = new HashMap<>();
    /** What the workspaces were last told of users not offline. */
    private final Map<Key, String> announced = new HashMap<>();

    Presence(SignalPublisher signals, RealtimeConfig config) {
        this.signals = signals;
        this.replicaTimeoutNanos = config.presence().replicaTimeout().toNanos();
        this.directory = new PresenceDirectory(replicaTimeoutNanos);
    }

    public UUID replicaId() {
        return replicaId;
    }

    public synchronized void opened(ConnectedPrincipal who) {
        if (who.role() != Role.ADMIN) {
            return;
        }
        var before = held.get(who.id());
        if (before != null) {
            held.put(who.id(), new Held(who.workspaceId(), before.sockets() + 1, before.entry()));
            return;
        }
        // a tab on another replica already set their status: keep it
        var elsewhere = directory.statusOf(new Key(who.workspaceId(), who.id()));
        var entry = elsewhere != null ? elsewhere : new Entry(ONLINE, System.currentTimeMillis());
        held.put(who.id(), new Held(who.workspaceId(), 1, entry));
        report(who.workspaceId(), Map.of(who.id(), entry), List.of(), false);
    }

    /** Returns true when this was the user's last socket here. */
    public synchronized boolean closed(ConnectedPrincipal who) {
        if (who.role() != Role.ADMIN) {
            return false;
        }
        var before = held.get(who.id());
        if (before == null) {
            return false;
        }
        if (before.sockets() > 1) {
            held.put(who.id(), new Held(before.workspaceId(), before.sockets() - 1, before.entry()));
            return false;
        }
        held.remove(who.id());
        report(who.workspaceId(), Map.of(), List.of(who.id()), false);
        return true;
    }

    /** {@code choice} is one of {@link #CHOICES}; "available" is shown as online. */
    public synchronized void choose(ConnectedPrincipal who, String choice) {
        var before = held.get(who.id());
        if (before == null) {
            return;
        }
        var entry = new Entry("available".equals(choice) ? ONLINE : choice, System.currentTimeMillis());
        held.put(who.id(), new Held(before.workspaceId(), before.sockets(), entry));
        report(who.workspaceId(), Map.of(who.id(), entry), List.of(), false);
    }

    /** Every replica's presence signals, this one's included, in the order Kafka delivers them. */
    public synchronized void observe(EventEnvelope event) {
        var now = System.nanoTime();
        switch (event.type()) {
            case EventTypes.Realtime.REPLICA_PRESENCE_REPORTED -> {
                var payload = event.payload();
                var users = new HashMap<UUID, Entry>();
                for (var user : payload.path("users")) {
                    users.put(UUID.fromString(user.path("userId").asText()),
                            new Entry(user.path("status").asText(), user.path("since").asLong()));
                }
                var gone = new ArrayList<UUID>();
                payload.path("gone").forEach(user -> gone.add(UUID.fromString(user.asText())));
                var changed = directory.report(uuid(payload, "replicaId"), event.workspaceId(),
                        payload.path("complete").asBoolean(), users, gone, now);
                adoptNewerChoices(users);
                reconcile(changed, now);
            }
            case EventTypes.Realtime.REPLICA_ALIVE -> {
                var workspaces = new HashSet<UUID>();
                event.payload().path("workspaces").forEach(w -> workspaces.add(UUID.fromString(w.asText())));
                reconcile(directory.alive(uuid(event.payload(), "replicaId"), workspaces, now), now);
            }
            case EventTypes.Realtime.PRESENCE_CHANGED -> {
                var key = new Key(event.workspaceId(), uuid(event.payload(), "userId"));
                var status = event.payload().path("status").asText();
                if (OFFLINE.equals(status)) {
                    announced.remove(key);
                } else {
                    announced.put(key, status);
                }
            }
            default -> {
                // not about presence
            }
        }
    }

    /**
     * Reports this replica's whole holding and a heartbeat, drops replicas that went silent, and (on the leader)
     * announces whatever the directory and the last announcements disagree on.
     */
    @Scheduled(every = "${goftgu.realtime.presence.heartbeat-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void heartbeat() {
        var byWorkspace = new HashMap<UUID, Map<UUID, Entry>>();
        held.forEach((user, h) -> byWorkspace.computeIfAbsent(h.workspaceId(), w -> new HashMap<>()).put(user, h.entry()));
        byWorkspace.forEach((workspace, users) -> report(workspace, users, List.of(), true));
        var alive = new LinkedHashMap<String, Object>();
        alive.put("replicaId", replicaId);
        alive.put("workspaces", byWorkspace.keySet());
        signals.publish(EventTypes.Realtime.REPLICA_ALIVE, NO_WORKSPACE, replicaId, Actor.SYSTEM, Audience.NOBODY,
                alive);

        var now = System.nanoTime();
        if (!directory.isLive(replicaId, now)) {
            // this replica's own heartbeats are not coming back: Kafka is away, and silence proves nothing of others
            hearingSinceNanos = -1;
            return;
        }
        if (hearingSinceNanos < 0) {
            hearingSinceNanos = now;
        }
        if (!hearsEveryone(now)) {
            return;
        }
        var expired = directory.expire(now);
        var everyone = new HashSet<>(expired);
        everyone.addAll(directory.present());
        everyone.addAll(announced.keySet());
        reconcile(everyone, now);
    }

    /** Announces, if this replica leads, each of {@code keys} whose status differs from what was last announced. */
    private void reconcile(Collection<Key> keys, long now) {
        if (!hearsEveryone(now) || !directory.leader(replicaId, now).equals(replicaId)) {
            return;
        }
        for (var key : keys) {
            var entry = directory.statusOf(key);
            var before = announced.get(key);
            if (entry == null && before != null) {
                announced.remove(key);
                announce(key, OFFLINE, Instant.now().truncatedTo(ChronoUnit.MILLIS));
            } else if (entry != null && !entry.status().equals(before)) {
                announced.put(key, entry.status());
                announce(key, entry.status(), null);
            }
        }
    }

    /**
     * Whether this replica has heard its own heartbeats for a whole timeout, so every live replica's too. One that
     * just started, or that Kafka was away from, has not yet: it neither drops replicas nor leads.
     */
    private boolean hearsEveryone(long now) {
        return hearingSinceNanos >= 0 && now - hearingSinceNanos >= replicaTimeoutNanos;
    }

    /** A status chosen on another replica's tab, later than this replica's, becomes this replica's too. */
    private void adoptNewerChoices(Map<UUID, Entry> reported) {
        reported.forEach((user, entry) -> held.computeIfPresent(user, (id, mine) -> entry.since() > mine.entry().since()
                ? new Held(mine.workspaceId(), mine.sockets(), entry) : mine));
    }

    private void report(UUID workspace, Map<UUID, Entry> users, List<UUID> gone, boolean complete) {
        var payload = new LinkedHashMap<String, Object>();
        payload.put("replicaId", replicaId);
        payload.put("complete", complete);
        payload.put("users", users.entrySet().stream().map(e -> Map.of("userId", e.getKey(),
                "status", e.getValue().status(), "since", e.getValue().since())).toList());
        payload.put("gone", gone);
        signals.publish(EventTypes.Realtime.REPLICA_PRESENCE_REPORTED, workspace, replicaId, Actor.SYSTEM,
                Audience.NOBODY, payload);
    }

    private void announce(Key key, String status, Instant lastSeenAt) {
        var payload = new LinkedHashMap<String, Object>();
        payload.put("userId", key.userId());
        payload.put("status", status);
        payload.put("lastSeenAt", lastSeenAt);
        signals.publish(EventTypes.Realtime.PRESENCE_CHANGED, key.workspaceId(), key.userId(),
                Actor.user(key.userId()), Audience.role(Role.STAFF), payload);
    }

    private static UUID uuid(JsonNode payload, String field) {
        return UUID.fromString(payload.path(field).asText());
    }
}
