package io.goftgu.realtime.listener;

import io.goftgu.events.EventEnvelope;
import io.goftgu.events.EventTypes;
import io.goftgu.realtime.domain.EventFrames;
import io.goftgu.realtime.endpoint.ConnectionRegistry;
import io.goftgu.realtime.endpoint.SocketGuard;
import io.goftgu.realtime.endpoint.SocketMetrics;
import io.goftgu.security.Role;
import io.vertx.core.buffer.Buffer;

import java.time.Duration;
import java.time.Instant;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Pushes one domain event to this replica's sockets of the event's workspace whose principal the event's audience
 * includes. The producer computed the audience; this only enforces it. The frame is serialised and encoded once for all
 * its sockets and the writes are asynchronous, so the caller (the Kafka thread) never waits on a socket.
 */
@ApplicationScoped
public class EventDelivery {

    private final ConnectionRegistry registry;
    private final SocketGuard guard;
    private final SocketMetrics metrics;
    private final PresenceBatches presence;

    EventDelivery(ConnectionRegistry registry, SocketGuard guard, SocketMetrics metrics, PresenceBatches presence) {
        this.registry = registry;
        this.guard = guard;
        this.metrics = metrics;
        this.presence = presence;
    }

    /** Returns how many sockets the event's frames were handed to; 0 for event types that are not pushed. */
    public int deliver(EventEnvelope event) {
        if (EventFrames.routesOf(event.type()).isEmpty()) {
            return 0;
        }
        if (EventTypes.Realtime.PRESENCE_CHANGED.equals(event.type())) {
            presence.add(event);
            return 0;
        }
        var recipients = registry.reachable(event.workspaceId(), event.audience());
        if (EventTypes.Realtime.TICKET_TYPING_CHANGED.equals(event.type())) {
            // ticket typing is for those looking at the ticket: staff sockets that joined it (and the requester)
            var joined = "ticket:" + event.aggregateId();
            recipients = recipients.stream()
                    .filter(s -> s.principal().role() != Role.ADMIN || s.state().hasJoined(joined))
                    .toList();
        }
        if (recipients.isEmpty()) {
            return 0;
        }
        for (var frame : EventFrames.render(event)) {
            // encoded once: every recipient's write reads these same bytes
            var utf8 = Buffer.buffer(frame.json());
            for (var socket : recipients) {
                guard.send(socket, frame.type(), utf8);
            }
        }
        metrics.deliveryLag(Duration.between(event.occurredAt(), Instant.now()));
        return recipients.size();
    }
}
