package io.goftgu.realtime.endpoint;

import io.goftgu.events.Audience;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open sockets of this JVM, indexed by workspace and principal id, so that an event reaches its audience
 * without scanning other workspaces. Other replicas hold their own sockets and read every event themselves.
 *
 * <p>Written by socket callbacks (event loops), read by the Kafka thread: every index is a concurrent map, and a
 * principal's set is created and dropped inside {@code compute} so that adds and removes never lose each other.
 */
@ApplicationScoped
public class ConnectionRegistry {

    private final Map<String, ClientSocket> byConnectionId = new ConcurrentHashMap<>();
    private final Map<UUID, Map<UUID, Set<ClientSocket>>> byWorkspace = new ConcurrentHashMap<>();

    public void add(ClientSocket socket) {
        var principal = socket.principal();
        byWorkspace.compute(principal.workspaceId(), (workspaceId, principals) -> {
            var map = principals != null ? principals : new ConcurrentHashMap<UUID, Set<ClientSocket>>();
            map.compute(principal.id(), (id, sockets) -> {
                var set = sockets != null ? sockets : ConcurrentHashMap.<ClientSocket>newKeySet();
                set.add(socket);
                return set;
            });
            return map;
        });
        byConnectionId.put(socket.connectionId(), socket);
    }

    public void remove(String connectionId) {
        var socket = byConnectionId.remove(connectionId);
        if (socket == null) {
            return;
        }
        var principal = socket.principal();
        byWorkspace.computeIfPresent(principal.workspaceId(), (workspaceId, principals) -> {
            principals.computeIfPresent(principal.id(), (id, sockets) -> {
                sockets.remove(socket);
                return sockets.isEmpty() ? null : sockets;
            });
            return principals.isEmpty() ? null : principals;
        });
    }

    /**
     * The sockets of {@code workspaceId} whose principal {@code audience} includes. A user or guest audience is looked
     * up by id; a role audience scans the workspace. Guests match only by guest id ({@link Audience#includes}).
     */
    public List<ClientSocket> reachable(UUID workspaceId, Audience audience) {
        var principals = byWorkspace.get(workspaceId);
        if (principals == null) {
            return List.of();
        }
        var found = new ArrayList<ClientSocket>();
        if (!audience.roles().isEmpty()) {
            principals.values().forEach(sockets -> collect(sockets, audience, found));
            return found;
        }
        var ids = new HashSet<UUID>(audience.users());
        ids.addAll(audience.guests());
        for (var id : ids) {
            var sockets = principals.get(id);
            if (sockets != null) {
                collect(sockets, audience, found);
            }
        }
        return found;
    }

    /** The socket of a connection id, or null once it closed. */
    public ClientSocket get(String connectionId) {
        return byConnectionId.get(connectionId);
    }

    /** The open sockets of one principal of one workspace. */
    public List<ClientSocket> socketsOf(UUID workspaceId, UUID principalId) {
        var sockets = byWorkspace.getOrDefault(workspaceId, Map.of()).get(principalId);
        return sockets == null ? List.of() : List.copyOf(sockets);
    }

    /** Every open socket of this JVM. */
    public java.util.Collection<ClientSocket> all() {
        return byConnectionId.values();
    }

    /**
     * Frames handed to sockets and not yet written out, over all sockets of this JVM that are not being closed (a
     * socket cut for not reading may never finish closing; its frames are given up).
     */
    public long waitingFrames() {
        long waiting = 0;
        for (var socket : byConnectionId.values()) {
            if (!socket.state().isClosing()) {
                waiting += socket.state().unwritten();
            }
        }
        return waiting;
    }

    /** How many sockets are open on this JVM. */
    public int size() {
        return byConnectionId.size();
    }

    private static void collect(Set<ClientSocket> sockets, Audience audience, List<ClientSocket> found) {
        for (var socket : sockets) {
            if (socket.principal().isIn(audience)) {
                found.add(socket);
            }
        }
    }
}
