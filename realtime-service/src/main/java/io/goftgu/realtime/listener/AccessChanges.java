package io.goftgu.realtime.listener;

import io.goftgu.events.EventEnvelope;
import io.goftgu.events.EventTypes;
import io.goftgu.events.IdentityPayloads;
import io.goftgu.realtime.endpoint.ConnectionRegistry;
import io.goftgu.realtime.signals.Typing;
import io.quarkus.logging.Log;
import io.quarkus.websockets.next.CloseReason;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * Events that change who may hear what take effect on open sockets at once: a deactivated user's sockets are
 * closed, so are the sockets of a user whose role changed (a demoted admin stops receiving staff frames at once; the
 * old token cannot reopen them, see {@link Revocations}), and a room whose members changed is asked for its members again before anyone's typing is passed on.
 * (A removed member already gets no further events: producers compute each event's audience from the current
 * members.)
 */
@ApplicationScoped
public class AccessChanges {

    /** Policy violation: the account may no longer use the socket. */
    static final CloseReason DEACTIVATED = new CloseReason(1008, "account deactivated");
    /** Policy violation: the socket was opened with a role the account no longer has; refresh the token and reconnect. */
    static final CloseReason ROLE_CHANGED = new CloseReason(1008, "role changed: refresh the token and reconnect");

    private final ConnectionRegistry registry;
    private final Typing typing;
    private final Revocations revocations;

    AccessChanges(ConnectionRegistry registry, Typing typing, Revocations revocations) {
        this.registry = registry;
        this.typing = typing;
        this.revocations = revocations;
    }

    /** A user event whose payload does not fit throws {@code BadPayloadException}: the consumer counts it invalid. */
    void apply(EventEnvelope event) {
        switch (event.type()) {
            case EventTypes.Identity.USER_DEACTIVATED -> {
                var user = (IdentityPayloads.User) IdentityPayloads.read(event);
                revocations.changed(user.id(), null, false, changedAt(event));
                close(event, user.id(), DEACTIVATED);
            }
            case EventTypes.Identity.USER_UPDATED -> {
                var user = (IdentityPayloads.User) IdentityPayloads.read(event);
                var role = user.role() == null ? "" : user.role();
                var active = user.activeAfter(event.type());
                var affected = registry.socketsOf(event.workspaceId(), user.id()).stream()
                        .filter(socket -> !active || !socket.principal().role().name().equals(role))
                        .toList();
                revocations.changed(user.id(), role.isEmpty() ? null : role, active, changedAt(event));
                affected.forEach(socket -> closeOne(socket, active ? ROLE_CHANGED : DEACTIVATED));
            }
            case EventTypes.InternalChat.MEMBER_ADDED, EventTypes.InternalChat.MEMBER_REMOVED,
                 EventTypes.InternalChat.ROOM_UPDATED -> typing.forgetRoom(event.aggregateId());
            default -> {
            }
        }
    }

    private static long changedAt(EventEnvelope event) {
        return event.occurredAt() == null ? System.currentTimeMillis() : event.occurredAt().toEpochMilli();
    }

    private void close(EventEnvelope event, UUID userId, CloseReason reason) {
        registry.socketsOf(event.workspaceId(), userId).forEach(socket -> closeOne(socket, reason));
    }

    private static void closeOne(io.goftgu.realtime.endpoint.ClientSocket socket, CloseReason reason) {
        socket.connection().close(reason).subscribe().with(done -> { },
                failure -> Log.debugf("closing socket %s: %s", socket.connectionId(), failure.toString()));
    }
}
