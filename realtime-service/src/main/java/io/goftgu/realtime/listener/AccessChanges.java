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
 * closed, and so are a blocked guest's and those of a user whose role changed (a demoted admin stops receiving staff frames at once; the
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
    /** Policy violation: staff blocked this guest (support-chat-service's GuestBlocks refuses its token from now on). */
    static final CloseReason BLOCKED = new CloseReason(1008, "visitor blocked");

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
        remember(event);
        switch (event.type()) {
            case EventTypes.Identity.USER_DEACTIVATED -> close(event, user(event).id(), DEACTIVATED);
            case EventTypes.SupportChat.GUEST_BLOCKED -> close(event, event.aggregateId(), BLOCKED);
            case EventTypes.Identity.USER_UPDATED -> {
                var user = user(event);
                var active = user.activeAfter(event.type());
                registry.socketsOf(event.workspaceId(), user.id()).stream()
                        .filter(socket -> !active || !socket.principal().role().name().equals(roleOf(user)))
                        .forEach(socket -> closeOne(socket, active ? ROLE_CHANGED : DEACTIVATED));
            }
            case EventTypes.InternalChat.MEMBER_ADDED, EventTypes.InternalChat.MEMBER_REMOVED,
                 EventTypes.InternalChat.ROOM_UPDATED -> typing.forgetRoom(event.aggregateId());
            default -> {
            }
        }
    }

    /**
     * Only what the event says about tokens ({@link Revocations}), no socket touched: also how a replica that starts
     * reads the identity events of the last half hour, which it must know but must not act on again.
     */
    void remember(EventEnvelope event) {
        switch (event.type()) {
            case EventTypes.Identity.USER_DEACTIVATED ->
                    revocations.changed(user(event).id(), null, false, changedAt(event));
            case EventTypes.SupportChat.GUEST_BLOCKED -> revocations.guestBlocked(event.aggregateId(), true);
            case EventTypes.SupportChat.GUEST_UNBLOCKED -> revocations.guestBlocked(event.aggregateId(), false);
            case EventTypes.Identity.USER_UPDATED -> {
                var user = user(event);
                var role = roleOf(user);
                revocations.changed(user.id(), role.isEmpty() ? null : role, user.activeAfter(event.type()),
                        changedAt(event));
            }
            default -> {
            }
        }
    }

    private static IdentityPayloads.User user(EventEnvelope event) {
        return (IdentityPayloads.User) IdentityPayloads.read(event);
    }

    private static String roleOf(IdentityPayloads.User user) {
        return user.role() == null ? "" : user.role();
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
