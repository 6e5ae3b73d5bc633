package io.goftgu.realtime.endpoint;

import io.goftgu.realtime.domain.ConnectedPrincipal;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.http.ServerWebSocket;

/**
 * One open socket of this JVM and who holds it. The connection is the object websockets-next handed to
 * {@code @OnOpen} (closes go through it, so its {@code @OnClose} runs); frames are written straight to the Vert.x
 * socket under it ({@link VertxSockets}), so that one event's bytes are encoded once for all its sockets. The token
 * is the one verified at the upgrade, passed on when this socket's frames call a service on the holder's behalf; the
 * state keeps one slow or noisy socket from harming the others ({@link SocketGuard}).
 */
public record ClientSocket(String connectionId, ConnectedPrincipal principal, WebSocketConnection connection,
                           ServerWebSocket webSocket, String token, SocketState state) {

    /** The socket websockets-next opened for {@code connection}. */
    public static ClientSocket of(WebSocketConnection connection, ConnectedPrincipal principal, String token,
                                  SocketState state) {
        return new ClientSocket(connection.id(), principal, connection, VertxSockets.of(connection), token, state);
    }
}
