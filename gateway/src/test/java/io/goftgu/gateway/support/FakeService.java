package io.goftgu.gateway.support;

import io.goftgu.testing.FreePorts;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for the services behind the gateway: a real Vert.x HTTP and WebSocket server on a free port. Every HTTP
 * request is answered with what arrived ({@code method}, {@code uri}, lower-cased {@code headers}, {@code bodyBytes});
 * {@code GET /_probe/<request id>} tells how many body bytes of a still-running request have arrived so far, which
 * proves streaming. A WebSocket first sends {@code {"type":"hello", ...upgrade headers}}, then echoes text frames.
 * Tests reach it only over HTTP, so it needs no shared state with them.
 * <p>
 * Under {@code /internal/support-chat/} it plays support chat's internal API: without {@code X-Goftgu-Internal} =
 * {@link #SECRET} it answers 401; {@code POST .../guests/start} answers 201 {@code {guest, ticket}} where the guest id
 * is the one sent (a returning guest) or a new one, and the ticket carries {@code echo: {headers, body}} of what
 * arrived. A subject of {@code refuse-403} answers a 403 problem, {@code fail-500} a 500, {@code drop} closes the
 * connection. {@code GET .../workspaces/{id}/categories} answers one category named after the workspace;
 * {@code GET .../workspaces/{id}/widget} answers the widget settings last {@code PUT /_widget/{id}} to this server
 * (no allowed origins before that).
 */
public final class FakeService {

    /** The internal secret the gateway under test is configured with ({@code %test} profile). */
    public static final String SECRET = "test-internal-secret";

    private static final Map<String, Long> RECEIVED = new ConcurrentHashMap<>();
    private static final Map<String, String> WIDGETS = new ConcurrentHashMap<>();
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
        if (request.path().startsWith("/internal/support-chat/")) {
            request.body().onSuccess(body -> internal(request, body.toString()));
            return;
        }
        if (request.path().startsWith("/_widget/") && request.method().name().equals("PUT")) {
            request.body().onSuccess(body -> {
                WIDGETS.put(request.path().substring("/_widget/".length()), body.toString());
                request.response().setStatusCode(204).end();
            });
            return;
        }
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

    private static void internal(HttpServerRequest request, String body) {
        var response = request.response().putHeader("Content-Type", "application/json");
        if (!SECRET.equals(request.getHeader("X-Goftgu-Internal"))) {
            response.setStatusCode(401).putHeader("Content-Type", "application/problem+json")
                    .end(problem(401, "internal API: the gateway's shared secret is required"));
            return;
        }
        if (request.method().name().equals("GET") && request.path().endsWith("/categories")) {
            var workspaceId = request.path().split("/")[4];
            response.end(new JsonArray().add(new JsonObject().put("id", UUID.randomUUID().toString())
                    .putNull("parentId").put("name", "Billing of " + workspaceId).put("position", 0)).encode());
            return;
        }
        if (request.method().name().equals("GET") && request.path().endsWith("/widget")) {
            var workspaceId = request.path().split("/")[4];
            response.end(WIDGETS.getOrDefault(workspaceId,
                    "{\"allowedOrigins\":[],\"color\":null,\"greeting\":{\"fa\":null,\"en\":null},\"language\":\"auto\"}"));
            return;
        }
        if (!request.method().name().equals("POST") || !request.path().equals("/internal/support-chat/guests/start")) {
            response.setStatusCode(404).end(problem(404, "no such internal endpoint"));
            return;
        }
        var start = new JsonObject(body);
        switch (start.getString("subject", "")) {
            case "refuse-403" -> response.setStatusCode(403).putHeader("Content-Type", "application/problem+json")
                    .end(problem(403, "identity verification failed: identifierHash does not match externalId"));
            case "fail-500" -> response.setStatusCode(500).end("{}");
            case "drop" -> request.connection().close();
            default -> {
                var guestId = start.getString("guestId") != null ? start.getString("guestId") : UUID.randomUUID().toString();
                response.setStatusCode(201).end(new JsonObject()
                        .put("guest", new JsonObject().put("id", guestId).put("name", start.getString("name")))
                        .put("ticket", new JsonObject()
                                .put("id", UUID.randomUUID().toString())
                                .put("number", "TKT-1001")
                                .put("subject", start.getString("subject"))
                                .put("echo", new JsonObject().put("headers", headers(request.headers()))
                                        .put("body", start)))
                        .encode());
            }
        }
    }

    private static String problem(int status, String detail) {
        return new JsonObject().put("type", "about:blank").put("title", "Refused").put("status", status)
                .put("detail", detail).encode();
    }

    private static JsonObject headers(io.vertx.core.MultiMap headers) {
        var map = new TreeMap<String, Object>();
        headers.names().forEach(name -> map.put(name.toLowerCase(), String.join(",", headers.getAll(name))));
        return new JsonObject(Map.copyOf(map));
    }
}
