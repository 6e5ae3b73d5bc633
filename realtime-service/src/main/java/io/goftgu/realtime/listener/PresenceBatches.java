package io.goftgu.realtime.listener;

import com.fasterxml.jackson.databind.JsonNode;
import io.goftgu.events.Audience;
import io.goftgu.events.EventEnvelope;
import io.goftgu.events.EventJson;
import io.goftgu.realtime.domain.EventFrames;
import io.goftgu.realtime.endpoint.ConnectionRegistry;
import io.goftgu.realtime.endpoint.SocketGuard;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Presence is told to every staff socket of a workspace, so one frame per change would cost changes × sockets
 * frames: 1,000 staff coming online with 10 tabs each is 20 million frames (the benchmark found it). Instead each
 * replica gathers a workspace's presence changes and, once a second, sends every staff socket one frame per
 * presence frame type whose {@code data} lists the changes, the latest per user.
 */
@ApplicationScoped
public class PresenceBatches {

    private record Pending(Audience audience, Map<String, JsonNode> byUser) {
    }

    private final ConnectionRegistry registry;
    private final SocketGuard guard;
    private final Map<UUID, Pending> pending = new ConcurrentHashMap<>();

    PresenceBatches(ConnectionRegistry registry, SocketGuard guard) {
        this.registry = registry;
        this.guard = guard;
    }

    void add(EventEnvelope event) {
        pending.compute(event.workspaceId(), (workspace, batch) -> {
            var next = batch != null ? batch : new Pending(event.audience(), new LinkedHashMap<>());
            next.byUser().remove(event.aggregateId().toString());
            next.byUser().put(event.aggregateId().toString(), event.payload());
            return next;
        });
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void flush() {
        for (var workspace : pending.keySet()) {
            var batch = pending.remove(workspace);
            if (batch == null) {
                continue;
            }
            var recipients = registry.reachable(workspace, batch.audience());
            if (recipients.isEmpty()) {
                continue;
            }
            var changes = EventJson.MAPPER.createArrayNode();
            batch.byUser().values().forEach(changes::add);
            for (var route : EventFrames.routesOf(io.goftgu.events.EventTypes.Realtime.PRESENCE_CHANGED)) {
                var frame = EventJson.MAPPER.createObjectNode().put("type", route.frameType());
                frame.set("data", changes);
                // encoded once for every staff socket of the workspace
                var utf8 = io.vertx.core.buffer.Buffer.buffer(frame.toString());
                for (var socket : recipients) {
                    guard.send(socket, route.frameType(), utf8);
                }
            }
        }
    }
}
