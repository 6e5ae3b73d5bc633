package io.goftgu.realtime.signals;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Which replica holds sockets of which staff user, as every replica learns it from the others' reports on
 * {@code realtime.signals}. A user is present while any live replica holds a socket of theirs; a replica is live
 * while its heartbeats keep coming, so one that dies without a goodbye takes its users with it after
 * {@code replicaTimeout}. Not thread-safe: {@link Presence} serialises access.
 */
final class PresenceDirectory {

    /** A user's status on one replica, and when it was chosen (epoch millis): the latest choice wins. */
    record Entry(String status, long since) {
    }

    /** A staff user of a workspace. */
    record Key(UUID workspaceId, UUID userId) {
    }

    private static final class Replica {
        long aliveAtNanos;
        final Map<UUID, Map<UUID, Entry>> usersByWorkspace = new HashMap<>();
    }

    private final long replicaTimeoutNanos;
    private final Map<UUID, Replica> replicas = new HashMap<>();

    PresenceDirectory(long replicaTimeoutNanos) {
        this.replicaTimeoutNanos = replicaTimeoutNanos;
    }

    /**
     * What {@code replica} holds in {@code workspace}: {@code complete} replaces all it held there, otherwise
     * {@code users} are added or updated and {@code gone} removed. Returns the users whose entries changed.
     */
    List<Key> report(UUID replica, UUID workspace, boolean complete, Map<UUID, Entry> users, Collection<UUID> gone,
                     long nowNanos) {
        var held = replicaOf(replica, nowNanos).usersByWorkspace.computeIfAbsent(workspace, w -> new HashMap<>());
        var touched = new HashSet<UUID>(users.keySet());
        if (complete) {
            touched.addAll(held.keySet());
            held.clear();
        }
        touched.addAll(gone);
        gone.forEach(held::remove);
        held.putAll(users);
        if (held.isEmpty()) {
            replicas.get(replica).usersByWorkspace.remove(workspace);
        }
        return touched.stream().map(user -> new Key(workspace, user)).toList();
    }

    /** A heartbeat: {@code replica} is live and holds users only in {@code workspaces}. Returns the users it let go. */
    List<Key> alive(UUID replica, Set<UUID> workspaces, long nowNanos) {
        var state = replicaOf(replica, nowNanos);
        state.aliveAtNanos = nowNanos;
        var dropped = new ArrayList<Key>();
        state.usersByWorkspace.entrySet().removeIf(held -> {
            if (workspaces.contains(held.getKey())) {
                return false;
            }
            held.getValue().keySet().forEach(user -> dropped.add(new Key(held.getKey(), user)));
            return true;
        });
        return dropped;
    }

    /** Forgets the replicas whose heartbeats stopped; returns the users they held. */
    List<Key> expire(long nowNanos) {
        var dropped = new ArrayList<Key>();
        replicas.values().removeIf(replica -> {
            if (nowNanos - replica.aliveAtNanos <= replicaTimeoutNanos) {
                return false;
            }
            replica.usersByWorkspace.forEach((workspace, users) ->
                    users.keySet().forEach(user -> dropped.add(new Key(workspace, user))));
            return true;
        });
        return dropped;
    }

    /** The user's status across the live replicas (the latest choice among them), or null when none holds them. */
    Entry statusOf(Key key) {
        Entry latest = null;
        for (var replica : replicas.values()) {
            var users = replica.usersByWorkspace.get(key.workspaceId());
            var entry = users == null ? null : users.get(key.userId());
            if (entry != null && (latest == null || entry.since() > latest.since())) {
                latest = entry;
            }
        }
        return latest;
    }

    /** Every user some live replica holds. */
    Set<Key> present() {
        var keys = new HashSet<Key>();
        replicas.values().forEach(replica -> replica.usersByWorkspace.forEach((workspace, users) ->
                users.keySet().forEach(user -> keys.add(new Key(workspace, user)))));
        return keys;
    }

    /** Whether {@code replica}'s last heartbeat is recent. */
    boolean isLive(UUID replica, long nowNanos) {
        var state = replicas.get(replica);
        return state != null && nowNanos - state.aliveAtNanos <= replicaTimeoutNanos;
    }

    /** The live replica with the lowest id, {@code self} included: the one that announces presence changes. */
    UUID leader(UUID self, long nowNanos) {
        var lowest = self;
        for (var entry : replicas.entrySet()) {
            if (nowNanos - entry.getValue().aliveAtNanos <= replicaTimeoutNanos && entry.getKey().compareTo(lowest) < 0) {
                lowest = entry.getKey();
            }
        }
        return lowest;
    }

    private Replica replicaOf(UUID replica, long nowNanos) {
        return replicas.computeIfAbsent(replica, id -> {
            var state = new Replica();
            // a replica first heard of by a report counts as live until its heartbeats say otherwise
            state.aliveAtNanos = nowNanos;
            return state;
        });
    }
}
