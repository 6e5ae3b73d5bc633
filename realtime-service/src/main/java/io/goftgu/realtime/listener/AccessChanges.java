package io.goftgu.realtime.listener;

import io.goftgu.events.EventEnvelope;
import io.goftgu.events.EventTypes;
import io.goftgu.realtime.endpoint.ConnectionRegistry;
import io.goftgu.realtime.signals.Typing;
import io.quarkus.logging.Log;
import io.quarkus.websockets.next.CloseReason;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * Events that change who may hear what take effect on open sockets at once: a deactivated user's sockets are
 * closed, and a room whose members changed is asked for its members again before anyone's typing is passed on.
 * (A removed member already gets no further events: producers compute each event's audience from the current
 * members.)
 */
@ApplicationScoped
public class AccessChanges {

    /** Policy violation: the account may no longer use the socket. */
    static final CloseReason DEACTIVATED = new CloseReason(1008, "account deactivated");

    private final ConnectionRegistry registry;
    private final Typing typing;

    AccessChanges(ConnectionRegistry registry, Typing typing) {
        this.registry = registry;
        this.typing = typing;
    }

    void apply(EventEnvelope event) {
        switch (event.type()) {
            case EventTypes.Identity.USER_DEACTIVATED -> {
                var userId = UUID.fromString(event.payload().path("id").asText());
                for (var socket : registry.socketsOf(event.workspaceId(), userId)) {
                    socket.connection().close(DEACTIVATED).subscribe().with(done -> { },
                            failure -> Log.debugf("closing socket %s: %s", socket.connectionId(), failure.toString()));
                }
            }
            case EventTypes.InternalChat.MEMBER_ADDED, EventTypes.InternalChat.MEMBER_REMOVED,
                 EventTypes.InternalChat.ROOM_UPDATED -> typing.forgetRoom(event.aggregateId());
            default -> {
            }
        }
    }
}
