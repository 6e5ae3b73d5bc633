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
import io.goftgu.security.CurrentUser;
import io.goftgu.security.Role;
import io.quarkus.logging.Log;
import io.quarkus.websockets.next.OnClose;
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
 * {@code /ws}: one socket per browser tab (DESIGN.md §4). The token is verified at the HTTP upgrade (security
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

    RealtimeSocket(ConnectionRegistry registry, CurrentUser currentUser, SocketMetrics metrics, Typing typing,
                   Presence presence, OwnerApis owners, SocketGuard guard, JsonWebToken token) {
        this.registry = registry;
        this.currentUser = currentUser;
        this.metrics = metrics;
        this.typing = typing;
        this.presence = presence;
        this.owners = owners;
        this.guard = guard;
        this.token = token;
    }

    @OnOpen
    @NonBlocking
    void open(WebSocketConnection connection) {
        var principal = new ConnectedPrincipal(currentUser.workspaceId(), currentUser.id(), currentUser.role());
        var expiresAtMillis = token.getExpirationTime() * 1000;
        registry.add(new ClientSocket(connection.id(), principal, connection, currentUser.rawToken(),
                guard.newState(expiresAtMillis)));
        presence.opened(principal);
        Log.debugf("socket %s opened by %s %s of workspace %s", connection.id(), principal.role(), principal.id(),
                principal.workspaceId());
    }

    @OnClose
    @NonBlocking
    void close(WebSocketConnection connection) {
        var socket = registry.get(connection.id());
        registry.remove(connection.id());
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
            case FrameTypes.INTERNAL_CHAT_MESSAGE -> sendMessage(socket, command);
            // focus is accepted; nothing depends on it yet
            case FrameTypes.INTERNAL_CHAT_JOIN, FrameTypes.INTERNAL_CHAT_LEAVE -> Uni.createFrom().voidItem();
            case FrameTypes.PRESENCE_SET -> choosePresence(socket, command);
            default -> error(socket, ErrorFrame.unknown(type.asText()));
        };
    }

    private Uni<Void> typing(ClientSocket socket, ObjectNode command, String subjectField) {
        var subject = uuid(command.path(subjectField));
        if (subject == null || !command.path("isTyping").isBoolean()) {
            return error(socket,
                    ErrorFrame.malformed("typing needs a " + subjectField + " and a boolean isTyping"));
        }
        var isTyping = command.path("isTyping").asBoolean();
        var outcome = "roomId".equals(subjectField)
                ? typing.inRoom(socket.principal(), socket.token(), subject, isTyping)
                : typing.inTicket(socket.principal(), socket.token(), subject, isTyping,
                        command.path("internal").asBoolean(false));
        return Uni.createFrom().completionStage(outcome).chain(result -> result == Typing.Outcome.PASSED_ON
                ? Uni.createFrom().voidItem()
                : error(socket, ErrorFrame.rejected(null, 404, subjectField.replace("Id", "") + " "
                        + subject + " was not found")));
    }

    /** Sent through internal-chat's REST API with the holder's token: one write path, the same checks. */
    private Uni<Void> sendMessage(ClientSocket socket, ObjectNode command) {
        var tempId = command.path("tempId").asText("");
        if (tempId.isBlank() || tempId.length() > 100) {
            return error(socket, ErrorFrame.malformed("a message frame needs a tempId (1..100 characters)"));
        }
        var message = command.deepCopy();
        message.remove(List.of("type", "tempId"));
        if (!message.hasNonNull("clientMessageId")) {
            // a client that resends the same tempId after a reconnect gets the first message back, not a second one
            message.put("clientMessageId",
                    UUID.nameUUIDFromBytes((socket.principal().id() + ":" + tempId).getBytes(StandardCharsets.UTF_8))
                            .toString());
        }
        return Uni.createFrom().completionStage(owners.sendRoomMessage(message, socket.token()))
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
