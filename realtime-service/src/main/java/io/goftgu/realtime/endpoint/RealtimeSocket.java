package io.goftgu.realtime.endpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.goftgu.events.EventJson;
import io.goftgu.realtime.domain.ConnectedPrincipal;
import io.goftgu.realtime.domain.ErrorFrame;
import io.goftgu.realtime.domain.FrameTypes;
import io.goftgu.security.CurrentUser;
import io.goftgu.security.Role;
import io.quarkus.logging.Log;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;

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

    RealtimeSocket(ConnectionRegistry registry, CurrentUser currentUser, SocketMetrics metrics) {
        this.registry = registry;
        this.currentUser = currentUser;
        this.metrics = metrics;
    }

    @OnOpen
    @NonBlocking
    void open(WebSocketConnection connection) {
        var principal = new ConnectedPrincipal(currentUser.workspaceId(), currentUser.id(), currentUser.role());
        registry.add(new ClientSocket(connection.id(), principal, connection));
        Log.debugf("socket %s opened by %s %s of workspace %s", connection.id(), principal.role(), principal.id(),
                principal.workspaceId());
    }

    @OnClose
    @NonBlocking
    void close(WebSocketConnection connection) {
        registry.remove(connection.id());
    }

    /** Client frames are JSON {@code {type, ...}}; the answer goes back on the same socket. */
    @OnTextMessage
    Uni<Void> onFrame(String text, WebSocketConnection connection) {
        var reply = answer(text);
        return connection.sendText(reply.json()).invoke(() -> metrics.frameSent(reply.type()));
    }

    private record Reply(String type, String json) {
    }

    private static Reply answer(String text) {
        JsonNode frame;
        try {
            frame = EventJson.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return error(ErrorFrame.malformed(SHAPE));
        }
        var type = frame == null ? null : frame.get("type");
        if (!(frame instanceof ObjectNode) || type == null || !type.isTextual() || type.asText().isBlank()) {
            return error(ErrorFrame.malformed(SHAPE));
        }
        return switch (type.asText()) {
            case FrameTypes.PING -> new Reply(FrameTypes.PONG, PONG);
            default -> error(ErrorFrame.unknown(type.asText()));
        };
    }

    private static Reply error(ErrorFrame frame) {
        try {
            return new Reply(frame.type(), EventJson.MAPPER.writeValueAsString(frame));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
