package io.goftgu.realtime.signals;

import com.fasterxml.jackson.databind.JsonNode;
import io.goftgu.events.Actor;
import io.goftgu.events.Audience;
import io.goftgu.events.EventEnvelope;
import io.goftgu.events.EventJson;
import io.goftgu.events.EventTypes;
import io.goftgu.realtime.config.RealtimeConfig;
import io.goftgu.realtime.domain.FrameTypes;
import io.goftgu.realtime.endpoint.ClientSocket;
import io.goftgu.realtime.endpoint.ConnectionRegistry;
import io.goftgu.realtime.endpoint.SocketGuard;
import io.goftgu.security.Role;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Who else is on a ticket (docs/subsystems/collision-detection.md): the staff whose sockets joined it
 * ({@code support-chat:join}), on any replica, with whether they type and what they compose (a public reply or an
 * internal note). Staff sockets that joined a ticket get {@code support-chat:viewers} whenever that set changes;
 * customers and guests are never viewers and never get the frame.
 *
 * <p>Each replica knows its own sockets' viewers directly and learns the other replicas' from
 * {@code realtime.replica.viewers-reported} on {@code realtime.signals}: a report at each change and, every heartbeat
 * interval, the whole set per workspace. What another replica reported is forgotten once older than the replica
 * timeout, so the viewers of a replica that died without a goodbye disappear; its own are never learned from Kafka,
 * so an outage cannot make a replica forget its own sockets. Nothing is stored.
 */
@ApplicationScoped
public class Viewers {

    public static final String REPLY = "reply";
    public static final String NOTE = "note";

    /** One viewer as the frame and the report carry it. */
    public record Viewer(UUID userId, String name, boolean typing, String composing) {
    }

    private record Ticket(UUID workspaceId, UUID ticketId) {
    }

    /** A staff user viewing a ticket from sockets of this replica. */
    private static final class Local {
        final String name;
        final Set<String> sockets = new HashSet<>();
        long typingUntilNanos;
        String composing;

        Local(String name) {
            this.name = name;
        }

        boolean typing(long now) {
            return typingUntilNanos != 0 && now - typingUntilNanos < 0;
        }
    }

    private record Reported(List<Viewer> viewers, long atNanos) {
    }

    private final SignalPublisher signals;
    private final ConnectionRegistry registry;
    private final SocketGuard guard;
    private final UUID replicaId;
    private final long typingNanos;
    private final long replicaTimeoutNanos;
    private final Map<Ticket, Map<UUID, Local>> local = new HashMap<>();
    /** Per ticket, what each other replica last reported. */
    private final Map<Ticket, Map<UUID, Reported>> remote = new HashMap<>();
    /** Per ticket, the set its viewers here were last sent. */
    private final Map<Ticket, List<Viewer>> shown = new HashMap<>();

    Viewers(SignalPublisher signals, ConnectionRegistry registry, SocketGuard guard, Presence presence,
            RealtimeConfig config) {
        this.signals = signals;
        this.registry = registry;
        this.guard = guard;
        this.replicaId = presence.replicaId();
        this.typingNanos = config.typingTimeout().toNanos();
        this.replicaTimeoutNanos = config.presence().replicaTimeout().toNanos();
    }

    /** A staff socket joined a ticket it may see; customers and guests are not viewers. */
    public synchronized void joined(ClientSocket socket, UUID ticketId) {
        if (socket.principal().role() != Role.ADMIN) {
            return;
        }
        var key = new Ticket(socket.principal().workspaceId(), ticketId);
        var viewers = local.computeIfAbsent(key, k -> new HashMap<>());
        var viewer = viewers.computeIfAbsent(socket.principal().id(), id -> new Local(nameIn(socket.token())));
        var wasThere = !viewer.sockets.isEmpty();
        viewer.sockets.add(socket.connectionId());
        if (!wasThere) {
            changed(key);
        }
        // the joining tab learns the set at once, even when it did not change (another tab of the same user)
        send(key, List.of(socket.connectionId()), merged(key, System.nanoTime()));
    }

    /** The socket left the ticket (a leave, or a join past the per-socket limit let go of it). */
    public synchronized void left(ClientSocket socket, UUID ticketId) {
        var key = new Ticket(socket.principal().workspaceId(), ticketId);
        var viewers = local.get(key);
        var viewer = viewers == null ? null : viewers.get(socket.principal().id());
        if (viewer == null || !viewer.sockets.remove(socket.connectionId())) {
            return;
        }
        if (viewer.sockets.isEmpty()) {
            viewers.remove(socket.principal().id());
            changed(key);
        }
    }

    /** The socket closed: it views nothing any more. */
    public synchronized void closed(ClientSocket socket) {
        if (socket.principal().role() != Role.ADMIN) {
            return;
        }
        for (var key : List.copyOf(local.keySet())) {
            if (key.workspaceId().equals(socket.principal().workspaceId())) {
                left(socket, key.ticketId());
            }
        }
    }

    /**
     * A viewer's typing, already passed on by {@link Typing}: typing marks them typing for the typing timeout and
     * composing a reply or a note; an explicit stop (the draft was sent, cleared or put down) clears both, while a
     * typist who just pauses stays composing.
     */
    public synchronized void typing(ClientSocket socket, UUID ticketId, boolean isTyping, boolean note) {
        var key = new Ticket(socket.principal().workspaceId(), ticketId);
        var viewers = local.get(key);
        var viewer = viewers == null ? null : viewers.get(socket.principal().id());
        if (viewer == null) {
            return;
        }
        var now = System.nanoTime();
        var wasTyping = viewer.typing(now);
        var wasComposing = viewer.composing;
        if (isTyping) {
            viewer.typingUntilNanos = now + typingNanos;
            viewer.composing = note ? NOTE : REPLY;
        } else {
            viewer.typingUntilNanos = 0;
            viewer.composing = null;
        }
        if (wasTyping != viewer.typing(now) || !java.util.Objects.equals(wasComposing, viewer.composing)) {
            changed(key);
        }
    }

    /** Another replica's report (this replica's own come back too and are skipped: it knows its sockets). */
    public synchronized void observe(EventEnvelope event) {
        if (!EventTypes.Realtime.REPLICA_VIEWERS_REPORTED.equals(event.type())) {
            return;
        }
        var payload = event.payload();
        var replica = UUID.fromString(payload.path("replicaId").asText());
        if (replica.equals(replicaId)) {
            return;
        }
        var now = System.nanoTime();
        var touched = new HashSet<Ticket>();
        if (payload.path("complete").asBoolean()) {
            remote.forEach((key, byReplica) -> {
                if (key.workspaceId().equals(event.workspaceId()) && byReplica.remove(replica) != null) {
                    touched.add(key);
                }
            });
        }
        for (var ticket : payload.path("tickets")) {
            var key = new Ticket(event.workspaceId(), UUID.fromString(ticket.path("ticketId").asText()));
            var viewers = new ArrayList<Viewer>();
            ticket.path("viewers").forEach(v -> viewers.add(viewer(v)));
            var byReplica = remote.computeIfAbsent(key, k -> new HashMap<>());
            if (viewers.isEmpty()) {
                byReplica.remove(replica);
            } else {
                byReplica.put(replica, new Reported(List.copyOf(viewers), now));
            }
            touched.add(key);
        }
        touched.forEach(key -> refresh(key, now));
    }

    /** Every heartbeat interval, this replica's whole set per workspace, so a lost report is soon corrected. */
    @Scheduled(every = "${goftgu.realtime.presence.heartbeat-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void heartbeat() {
        var now = System.nanoTime();
        var byWorkspace = new HashMap<UUID, List<Map<String, Object>>>();
        local.forEach((key, viewers) -> byWorkspace.computeIfAbsent(key.workspaceId(), w -> new ArrayList<>())
                .add(ticketReport(key, viewers, now)));
        byWorkspace.forEach((workspace, tickets) -> report(workspace, true, tickets));
    }

    /** Typing that was not refreshed ends; what a silent replica reported is forgotten. */
    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void expire() {
        var now = System.nanoTime();
        local.forEach((key, viewers) -> {
            var lapsed = viewers.values().stream()
                    .anyMatch(v -> v.typingUntilNanos != 0 && !v.typing(now));
            if (lapsed) {
                viewers.values().forEach(v -> {
                    if (!v.typing(now)) {
                        v.typingUntilNanos = 0;
                    }
                });
                report(key.workspaceId(), false, List.of(ticketReport(key, viewers, now)));
                refresh(key, now);
            }
        });
        for (var key : List.copyOf(remote.keySet())) {
            if (remote.get(key).values().removeIf(r -> now - r.atNanos() > replicaTimeoutNanos)) {
                refresh(key, now);
            }
        }
    }

    /** This replica's set of one ticket changed: tell the other replicas and this replica's viewers. */
    private void changed(Ticket key) {
        var now = System.nanoTime();
        var viewers = local.getOrDefault(key, Map.of());
        report(key.workspaceId(), false, List.of(ticketReport(key, viewers, now)));
        if (viewers.isEmpty()) {
            local.remove(key);
        }
        refresh(key, now);
    }

    /** Sends the ticket's merged set to this replica's viewers of it when it differs from what they were sent. */
    private void refresh(Ticket key, long now) {
        var merged = merged(key, now);
        var before = shown.get(key);
        if (merged.equals(before == null ? List.of() : before)) {
            return;
        }
        if (merged.isEmpty()) {
            shown.remove(key);
        } else {
            shown.put(key, merged);
        }
        var mine = local.get(key);
        if (mine != null) {
            var sockets = new ArrayList<String>();
            mine.values().forEach(v -> sockets.addAll(v.sockets));
            send(key, sockets, merged);
        }
        var byReplica = remote.get(key);
        if (byReplica != null && byReplica.isEmpty()) {
            remote.remove(key);
        }
    }

    /** This replica's viewers and the other replicas', one entry per user, ordered by name then id. */
    private List<Viewer> merged(Ticket key, long now) {
        var byUser = new LinkedHashMap<UUID, Viewer>();
        local.getOrDefault(key, Map.of()).forEach((user, v) ->
                byUser.merge(user, new Viewer(user, v.name, v.typing(now), v.composing), Viewers::combine));
        remote.getOrDefault(key, Map.of()).values().forEach(reported -> reported.viewers().forEach(v ->
                byUser.merge(v.userId(), v, Viewers::combine)));
        return byUser.values().stream()
                .sorted(Comparator.comparing((Viewer v) -> v.name() == null ? "" : v.name())
                        .thenComparing(Viewer::userId))
                .toList();
    }

    /** The same user on two replicas: typing on either, composing what the typing one composes. */
    private static Viewer combine(Viewer a, Viewer b) {
        var composing = a.typing() && a.composing() != null ? a.composing()
                : b.typing() && b.composing() != null ? b.composing()
                : a.composing() != null ? a.composing() : b.composing();
        return new Viewer(a.userId(), a.name() != null ? a.name() : b.name(), a.typing() || b.typing(), composing);
    }

    private void send(Ticket key, List<String> connectionIds, List<Viewer> viewers) {
        var frame = EventJson.MAPPER.createObjectNode().put("type", FrameTypes.SUPPORT_CHAT_VIEWERS)
                .put("ticketId", key.ticketId().toString());
        var data = frame.putObject("data").put("ticketId", key.ticketId().toString());
        data.set("viewers", EventJson.MAPPER.valueToTree(viewers));
        var json = frame.toString();
        for (var id : connectionIds) {
            var socket = registry.get(id);
            if (socket != null) {
                guard.send(socket, FrameTypes.SUPPORT_CHAT_VIEWERS, json);
            }
        }
    }

    private static Map<String, Object> ticketReport(Ticket key, Map<UUID, Local> viewers, long now) {
        var list = new ArrayList<Viewer>();
        viewers.forEach((user, v) -> list.add(new Viewer(user, v.name, v.typing(now), v.composing)));
        var ticket = new LinkedHashMap<String, Object>();
        ticket.put("ticketId", key.ticketId());
        ticket.put("viewers", list);
        return ticket;
    }

    private void report(UUID workspace, boolean complete, List<Map<String, Object>> tickets) {
        var payload = new LinkedHashMap<String, Object>();
        payload.put("replicaId", replicaId);
        payload.put("complete", complete);
        payload.put("tickets", tickets);
        signals.publish(EventTypes.Realtime.REPLICA_VIEWERS_REPORTED, workspace, replicaId, Actor.SYSTEM,
                Audience.NOBODY, payload);
    }

    private static Viewer viewer(JsonNode v) {
        var composing = v.path("composing").asText(null);
        return new Viewer(UUID.fromString(v.path("userId").asText()), v.path("name").asText(null),
                v.path("typing").asBoolean(), REPLY.equals(composing) || NOTE.equals(composing) ? composing : null);
    }

    /** The {@code name} claim of a token this service already verified at the upgrade; null when it has none. */
    static String nameIn(String token) {
        try {
            var parts = token.split("\\.");
            var claims = EventJson.MAPPER.readTree(new String(Base64.getUrlDecoder().decode(parts[1]),
                    StandardCharsets.UTF_8));
            var name = claims.path("name");
            return name.isTextual() ? name.asText() : null;
        } catch (RuntimeException | java.io.IOException e) {
            return null;
        }
    }
}
