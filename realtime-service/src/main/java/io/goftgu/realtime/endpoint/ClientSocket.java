package io.goftgu.realtime.endpoint;

import io.goftgu.realtime.domain.ConnectedPrincipal;
import io.quarkus.websockets.next.WebSocketConnection;

/**
 * One open socket of this JVM and who holds it. The connection is the object websockets-next handed to
 * {@code @OnOpen}, kept so that the Kafka thread can write to it later; the token is the one verified at the
 * upgrade, passed on when this socket's frames call a service on the holder's behalf; the state keeps one slow or
 * noisy socket from harming the others ({@link SocketGuard}).
 */
public record ClientSocket(String connectionId, ConnectedPrincipal principal, WebSocketConnection connection,
                           String token, SocketState state) {
}
