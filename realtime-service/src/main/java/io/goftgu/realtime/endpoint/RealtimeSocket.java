package io.goftgu.realtime.endpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.goftgu.events.EventJson;
import io.goftgu.realtime.domain.ConnectedPrincipal;
import io.goftgu.realtime.domain.ErrorFrame;
import io.goftgu.realtime.domain.FrameTypes;
import io.goftgu.realtime.client.OwnerApis;
import io.goftgu.realtime.signals.Presence;
import io.goftgu.realtime.signals.Typing;
import io.goftgu.realtime.signals.Viewers;
import io.goftgu.security.CurrentUser;
import io.goftgu.security.Role;
import io.quarkus.logging.Log;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnPongMessage;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import jakarta.annotation.security.RolesAllowed;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * {@code /ws}: one socket per browser tab (docs/design.md §4). The token is verified at the HTTP upgrade (security
 * annotation below; {@link OriginCheck} runs first), so a socket only opens for a known principal, and every frame
 * pushed to it comes from {@code listener/} through {@link ConnectionRegistry}. Callbacks stay on the event loop.
 */
@WebSocket(path = "/ws")
@RolesAllowed({Role.STAFF, Role.CUSTOMER, Role.VISITOR})
public class RealtimeSocket {

    private static final String PONG = "{\"type\":\"" + FrameTypes.PONG + "\"}";
    private static final String SHAPE = "a frame is a JSON object with a non-empty string \"type\"";

    private final ConnectionRegistry registry;
    private final CurrentUser currentUser;
    private final SocketMetrics metrics;
    private final Typing typing;
    private final Presence presence;
    private final OwnerApis owners;
    private final SocketGuard guard;
    private final JsonWebToken token;
    private final io.goftgu.realtime.listener.Revocations revocations;
    private final Viewers viewers;

    RealtimeSocket(ConnectionRegistry registry, CurrentUser currentUser, SocketMetrics metrics, Typing typing,
                   Presence presence, OwnerApis owners, SocketGuard guard, JsonWebToken token,
                   io.goftgu.realtime.listener.Revocations revocations, Viewers viewers) {
        this.revocations = revocations;
        this.viewers = viewers;
        this.registry = registry;
        this.currentUser = currentUser;
        this.metrics = metrics;
        this.typing = typing;
        this.presence = presence;
        this.owners = owners;
        this.guard = guard;
        this.token = token;
    }

    /** Why this token may not open a socket now (a policy violation), or null when it may. */
    private String refusal(ConnectedPrincipal principal) {
        if (principal.role() == Role.GUEST) {
            if (revocations.blocked(principal.id())) {
                return "visitor blocked";
            }
        } else if (revocations.revoked(principal.id(), principal.role().name(), token.getIssuedAtTime())) {
            // the token predates a deactivation or role change: it still names what the account no longer has
            return "the token predates a change of this account: refresh it and reconnect";
        }
        if (registry.socketsOf(principal.workspaceId(), principal.id()).size() >= guard.maxSocketsPerPrincipal()) {
            // one token must not hold unbounded sockets (each costs memory here and a descriptor at the gateway)
            return "too many open sockets for this account";
        }
        return null;
    }

    @OnOpen
    @NonBlocking
    void open(WebSocketConnection connection) {
        var principal = new ConnectedPrincipal(currentUser.workspaceId(), currentUser.id(), currentUser.role());
        var expiresAtMillis = token.getExpirationTime() * 1000;
        var refusal = refusal(principal);
        if (refusal != null) {
            connection.close(new io.quarkus.websockets.next.CloseReason(SocketGuard.POLICY, refusal)).subscribe().with(
                    done -> { }, failure -> { });
            return;
        }
        registry.add(ClientSocket.of(connection, principal, currentUser.rawToken(), guard.newState(expiresAtMillis)));
        presence.opened(principal);
        Log.debugf("socket %s opened by %s %s of workspace %s", connection.id(), principal.role(), principal.id(),
                principal.workspaceId());
    }

    @OnClose
    @NonBlocking
    void close(WebSocketConnection connection) {
        var socket = registry.get(connection.id());
        registry.remove(connection.id());
        if (socket != null) {
            viewers.closed(socket);
        }
        if (socket != null && presence.closed(socket.principal())) {
            typing.stopAll(socket.principal().id());
        }
    }

    @OnPongMessage
    void onPong(Buffer data, WebSocketConnection connection) {
        var socket = registry.get(connection.id());
        if (socket != null) {
            guard.pong(socket);
        }
    }

    /**
     * A frame over {@code max-message-size} (64 KiB) closes the socket with 1009 "message too big" (RFC 6455), which
     * tells the client what it did; any other failure of a callback closes it with 1011 after logging.
     */
    @OnError
    Uni<Void> onError(WebSocketConnection connection, Throwable failure) {
        if (tooBig(failure)) {
            return connection.close(new io.quarkus.websockets.next.CloseReason(1009, "frame too large"))
                    .onFailure().recoverWithNull();
        }
        Log.warnf("socket %s failed: %s", connection.id(), failure.toString());
        return connection.close(new io.quarkus.websockets.next.CloseReason(1011, "server error"))
                .onFailure().recoverWithNull();
    }

    private static boolean tooBig(Throwable failure) {
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            var name = cause.getClass().getSimpleName();
            var message = String.valueOf(cause.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (name.contains("TooLong") || name.contains("CorruptedWebSocketFrame") || message.contains("too big")
                    || message.contains("max frame length") || message.contains("exceeds")
                    || message.contains("max message size")) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** Client frames are JSON {@code {type, ...}}; answers go back on the same socket. */
    @OnTextMessage
    Uni<Void> onFrame(String text, WebSocketConnection connection) {
        var socket = registry.get(connection.id());
        if (socket == null || !guard.admit(socket)) {
            return Uni.createFrom().voidItem();
        }
        JsonNode frame;
        try {
            frame = EventJson.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return error(socket, ErrorFrame.malformed(SHAPE));
        }
        var type = frame == null ? null : frame.get("type");
        if (!(frame instanceof ObjectNode command) || type == null || !type.isTextual() || type.asText().isBlank()) {
            return error(socket, ErrorFrame.malformed(SHAPE));
        }
        metrics.frameReceived(FrameTypes.KNOWN_FROM_CLIENTS.contains(type.asText()) ? type.asText() : "unknown");
        return switch (type.asText()) {
            case FrameTypes.PING -> send(socket, FrameTypes.PONG, PONG);
            case FrameTypes.INTERNAL_CHAT_TYPING -> typing(socket, command, "roomId");
            case FrameTypes.SUPPORT_CHAT_TYPING -> typing(socket, command, "ticketId");
            case FrameTypes.INTERNAL_CHAT_MESSAGE -> sendMessage(socket, command, false);
            case FrameTypes.SUPPORT_CHAT_MESSAGE -> sendMessage(socket, command, true);
            case FrameTypes.INTERNAL_CHAT_JOIN -> join(socket, command, true);
            case FrameTypes.SUPPORT_CHAT_JOIN -> join(socket, command, false);
            case FrameTypes.INTERNAL_CHAT_LEAVE -> leave(socket, command, true);
            case FrameTypes.SUPPORT_CHAT_LEAVE -> leave(socket, command, false);
            case FrameTypes.PRESENCE_SET -> choosePresence(socket, command);
            default -> error(socket, ErrorFrame.unknown(type.asText()));
        };
    }

    /**
     * Typing is passed on only for a room or ticket this socket has joined: for any other it is dropped with a
     * {@code not-joined} error and no call to the owner service, so a socket cannot make this service ask an owner
     * about ids at frame rate. For a joined one the owner's answer (cached briefly) is still what decides, so a
     * member removed since the join is refused (and the join dropped).
     */
    private Uni<Void> typing(ClientSocket socket, ObjectNode command, String subjectField) {
        var subject = uuid(command.path(subjectField));
        if (subject == null || !command.path("isTyping").isBoolean()) {
            return error(socket,
                    ErrorFrame.malformed("typing needs a " + subjectField + " and a boolean isTyping"));
        }
        var isTyping = command.path("isTyping").asBoolean();
        var room = "roomId".equals(subjectField);
        var key = joinKey(room, subject);
        if (!socket.state().hasJoined(key)) {
            return isTyping ? error(socket, ErrorFrame.notJoined(room ? "room" : "ticket")) : Uni.createFrom().voidItem();
        }
        if (isTyping && !typing.knows(room, subject, socket.principal().id()) && !guard.admitCheck(socket)) {
            return error(socket, ErrorFrame.rateLimited(null, "too many checks; try again in a moment"));
        }
        var outcome = room
                ? typing.inRoom(socket.principal(), socket.token(), subject, isTyping)
                : typing.inTicket(socket.principal(), socket.token(), subject, isTyping,
                        command.path("internal").asBoolean(false));
        return Uni.createFrom().completionStage(outcome).chain(result -> {
            if (result == Typing.Outcome.PASSED_ON) {
                if (!room) {
                    viewers.typing(socket, subject, isTyping, command.path("internal").asBoolean(false));
                }
                return Uni.createFrom().voidItem();
            }
            socket.state().leave(key);
            if (!room) {
                viewers.left(socket, subject);
            }
            return error(socket, ErrorFrame.rejected(null, 404, subjectField.replace("Id", "") + " " + subject
                    + " was not found"));
        });
    }

    /**
     * "This socket now shows room (ticket) X": checked with the owner service the way typing is (with the holder's
     * token, answer cached briefly); answered by {@code ack} with the client's optional {@code tempId} and
     * {@code data: {roomId}}, or {@code error}/{@code rejected} 404. At most {@code max-joined} per socket; one more
     * lets go of the oldest.
     */
    private Uni<Void> join(ClientSocket socket, ObjectNode command, boolean room) {
        var field = room ? "roomId" : "ticketId";
        var subject = uuid(command.path(field));
        var tempId = command.path("tempId").isTextual() ? command.path("tempId").asText() : null;
        if (subject == null || (tempId != null && tempId.length() > 100)) {
            return error(socket, ErrorFrame.malformed("a join needs a " + field + " (and an optional tempId of at "
                    + "most 100 characters)"));
        }
        var key = joinKey(room, subject);
        if (socket.state().hasJoined(key)) {
            return joined(socket, tempId, field, subject);
        }
        var principal = socket.principal();
        if (!typing.knows(room, subject, principal.id()) && !guard.admitCheck(socket)) {
            return error(socket, ErrorFrame.rateLimited(tempId, "too many joins; try again in a moment"));
        }
        var visible = room ? typing.canSeeRoom(principal, socket.token(), subject)
                : typing.canSeeTicket(principal, socket.token(), subject);
        return Uni.createFrom().completionStage(visible).chain(yes -> {
            if (!yes) {
                return error(socket, ErrorFrame.rejected(tempId, 404, (room ? "room " : "ticket ") + subject
                        + " was not found"));
            }
            var letGo = socket.state().join(key, guard.maxJoined());
            if (letGo != null) {
                stopTypingIn(socket, letGo);
            }
            var answer = joined(socket, tempId, field, subject);
            if (!room) {
                // after the ack, so the tab knows the join succeeded before it hears who else is there
                viewers.joined(socket, subject);
            }
            return answer;
        });
    }

    private Uni<Void> leave(ClientSocket socket, ObjectNode command, boolean room) {
        var field = room ? "roomId" : "ticketId";
        var subject = uuid(command.path(field));
        if (subject == null) {
            return error(socket, ErrorFrame.malformed("a leave needs a " + field));
        }
        var key = joinKey(room, subject);
        if (socket.state().leave(key)) {
            stopTypingIn(socket, key);
        }
        return Uni.createFrom().voidItem();
    }

    private void stopTypingIn(ClientSocket socket, String key) {
        var id = UUID.fromString(key.substring(key.indexOf(':') + 1));
        if (key.startsWith("room:")) {
            typing.inRoom(socket.principal(), socket.token(), id, false);
        } else {
            typing.inTicket(socket.principal(), socket.token(), id, false, false);
            viewers.left(socket, id);
        }
    }

    private Uni<Void> joined(ClientSocket socket, String tempId, String field, UUID subject) {
        var ack = EventJson.MAPPER.createObjectNode().put("type", FrameTypes.ACK);
        if (tempId != null) {
            ack.put("tempId", tempId);
        }
        ack.putObject("data").put(field, subject.toString());
        return send(socket, FrameTypes.ACK, ack.toString());
    }

    private static String joinKey(boolean room, UUID id) {
        return (room ? "room:" : "ticket:") + id;
    }

    /**
     * Sent through the owner's REST API with the holder's token (internal chat's {@code POST /messages}, support
     * chat's {@code POST /{ticketId}/messages}): one write path, the same checks and answers.
     */
    private Uni<Void> sendMessage(ClientSocket socket, ObjectNode command, boolean ticket) {
        var tempId = command.path("tempId").asText("");
        if (tempId.isBlank() || tempId.length() > 100) {
            return error(socket, ErrorFrame.malformed("a message frame needs a tempId (1..100 characters)"));
        }
        var ticketId = ticket ? uuid(command.path("ticketId")) : null;
        if (ticket && ticketId == null) {
            return error(socket, new ErrorFrame(FrameTypes.ERROR, ErrorFrame.MALFORMED,
                    "a support-chat:message needs a ticketId", tempId, 400));
        }
        var message = command.deepCopy();
        message.remove(ticket ? List.of("type", "tempId", "ticketId") : List.of("type", "tempId"));
        if (!message.hasNonNull("clientMessageId")) {
            // a client that resends the same tempId after a reconnect gets the first message back, not a second one
            message.put("clientMessageId",
                    UUID.nameUUIDFromBytes((socket.principal().id() + ":" + tempId).getBytes(StandardCharsets.UTF_8))
                            .toString());
        }
        var sent = ticket ? owners.sendTicketMessage(ticketId, message, socket.token())
                : owners.sendRoomMessage(message, socket.token());
        return Uni.createFrom().completionStage(sent)
                .chain(answer -> {
                    if (!answer.ok()) {
                        return error(socket, ErrorFrame.rejected(tempId, answer.status(), answer.detail()));
                    }
                    var ack = EventJson.MAPPER.createObjectNode().put("type", FrameTypes.ACK).put("tempId", tempId);
                    ack.set("data", answer.body());
                    return send(socket, FrameTypes.ACK, ack.toString());
                });
    }

    private Uni<Void> choosePresence(ClientSocket socket, ObjectNode command) {
        var status = command.path("status").asText("");
        if (!Presence.CHOICES.contains(status)) {
            return error(socket, ErrorFrame.malformed("status is one of " + Presence.CHOICES));
        }
        presence.choose(socket.principal(), status);
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> send(ClientSocket socket, String type, String json) {
        guard.send(socket, type, json);
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> error(ClientSocket socket, ErrorFrame frame) {
        try {
            return send(socket, frame.type(), EventJson.MAPPER.writeValueAsString(frame));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static UUID uuid(JsonNode value) {
        try {
            return value.isTextual() ? UUID.fromString(value.asText()) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
