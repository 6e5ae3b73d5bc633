package io.goftgu.gateway.support;

import io.goftgu.testing.FreePorts;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for the services behind the gateway: a real Vert.x HTTP and WebSocket server on a free port. Every HTTP
 * request is answered with what arrived ({@code method}, {@code uri}, lower-cased {@code headers}, {@code bodyBytes});
 * {@code GET /_probe/<request id>} tells how many body bytes of a still-running request have arrived so far, which
 * proves streaming. A WebSocket first sends {@code {"type":"hello", ...upgrade headers}}, then echoes text frames.
 * Tests reach it only over HTTP, so it needs no shared state with them.
 */
public final class FakeService {

    private static final Map<String, Long> RECEIVED = new ConcurrentHashMap<>();
    private static Vertx vertx;
    private static int port;

    private FakeService() {
    }

    public static synchronized int start() {
        if (vertx == null) {
            vertx = Vertx.vertx();
            port = FreePorts.next();
            vertx.createHttpServer()
                    .webSocketHandler(socket -> {
                        socket.writeTextMessage(new JsonObject()
                                .put("type", "hello")
                                .put("path", socket.path())
                                .put("headers", headers(socket.headers()))
                                .encode());
                        socket.textMessageHandler(text ->
                                socket.writeTextMessage(new JsonObject().put("type", "echo").put("text", text).encode()));
                    })
                    .requestHandler(FakeService::handle)
                    .listen(port, "127.0.0.1")
                    .toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
        }
        return port;
    }

    private static void handle(HttpServerRequest request) {
        if (request.path().startsWith("/_probe/")) {
            var id = request.path().substring("/_probe/".length());
            request.response().putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("bytes", RECEIVED.getOrDefault(id, 0L)).encode());
            return;
        }
        var id = request.getHeader("X-Request-Id");
        var bytes = new long[1];
        request.handler(buffer -> {
            bytes[0] += buffer.length();
            if (id != null) {
                RECEIVED.merge(id, (long) buffer.length(), Long::sum);
            }
        });
        request.endHandler(ignored -> request.response()
                .putHeader("Content-Type", "application/json")
                .end(new JsonObject()
                        .put("method", request.method().name())
                        .put("uri", request.uri())
                        .put("headers", headers(request.headers()))
                        .put("bodyBytes", bytes[0])
                        .encode()));
    }

    private static JsonObject headers(io.vertx.core.MultiMap headers) {
        var map = new TreeMap<String, Object>();
        headers.names().forEach(name -> map.put(name.toLowerCase(), String.join(",", headers.getAll(name))));
        return new JsonObject(Map.copyOf(map));
    }
}
