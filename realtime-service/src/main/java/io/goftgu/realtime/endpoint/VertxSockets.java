package io.goftgu.realtime.endpoint;

import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.http.ServerWebSocket;

import java.lang.reflect.Field;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Vert.x socket under a websockets-next connection. websockets-next writes only {@code String} text frames, which
 * it encodes again for every socket; an event's frame goes to many sockets, so {@link SocketGuard} encodes it once and
 * writes the same bytes to each socket's Vert.x {@link ServerWebSocket} (a text frame, as before). websockets-next
 * keeps that socket in a private field of its connection class: it is found once per class, by type, and a
 * connection without one fails loudly at open (a websockets-next upgrade that moves it breaks the tests, not users).
 */
final class VertxSockets {

    private static final ConcurrentHashMap<Class<?>, Field> FIELDS = new ConcurrentHashMap<>();

    private VertxSockets() {
    }

    static ServerWebSocket of(WebSocketConnection connection) {
        try {
            return (ServerWebSocket) FIELDS.computeIfAbsent(connection.getClass(), VertxSockets::field).get(connection);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read the Vert.x socket of " + connection.getClass(), e);
        }
    }

    private static Field field(Class<?> type) {
        for (var at = type; at != null; at = at.getSuperclass()) {
            for (var field : at.getDeclaredFields()) {
                if (ServerWebSocket.class.isAssignableFrom(field.getType())) {
                    field.setAccessible(true);
                    return field;
                }
            }
        }
        throw new IllegalStateException(type + " holds no Vert.x ServerWebSocket (websockets-next changed?)");
    }
}
